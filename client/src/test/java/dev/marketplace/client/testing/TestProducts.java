package dev.marketplace.client.testing;

import dev.marketplace.client.MarketplaceClient;
import dev.marketplace.client.model.NewProduct;
import dev.marketplace.client.model.Product;
import java.math.BigDecimal;

/** Products put on sale through a seller's client, for tests that need something to buy. */
public final class TestProducts {

  private TestProducts() {}

  /** A new product of {@code seller}'s; its description is its name, "as sold in tests." */
  public static Product product(
      MarketplaceClient seller, String name, String category, String price, int stock) {
    return seller
        .sellerProducts()
        .create(
            new NewProduct(
                name, category, name + ", as sold in tests.", new BigDecimal(price), stock, null));
  }
}
