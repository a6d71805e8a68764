package dev.marketplace.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * A product a seller lists; {@code sku}, {@code description} and {@code active} may be null. The
 * same fields put a product by its SKU ({@link dev.marketplace.client.SellerProducts#putBySku}),
 * where the SKU is in the path instead.
 */
public record NewProduct(
    String sku,
    String name,
    String category,
    String description,
    BigDecimal price,
    int inventory,
    @JsonProperty("is_active") Boolean active) {

  /** A product without a SKU. */
  public NewProduct(
      String name,
      String category,
      String description,
      BigDecimal price,
      int inventory,
      Boolean active) {
    this(null, name, category, description, price, inventory, active);
  }
}
