package dev.marketplace.client.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** Fields of a product to change; those left null keep their value. */
public record ProductChanges(
    String sku,
    String name,
    String category,
    String description,
    BigDecimal price,
    Integer inventory,
    @JsonProperty("is_active") Boolean active) {

  public static ProductChanges none() {
    return new ProductChanges(null, null, null, null, null, null, null);
  }

  public ProductChanges withSku(String value) {
    return new ProductChanges(value, name, category, description, price, inventory, active);
  }

  public ProductChanges withName(String value) {
    return new ProductChanges(sku, value, category, description, price, inventory, active);
  }

  public ProductChanges withCategory(String value) {
    return new ProductChanges(sku, name, value, description, price, inventory, active);
  }

  public ProductChanges withDescription(String value) {
    return new ProductChanges(sku, name, category, value, price, inventory, active);
  }

  public ProductChanges withPrice(BigDecimal value) {
    return new ProductChanges(sku, name, category, description, value, inventory, active);
  }

  public ProductChanges withInventory(Integer value) {
    return new ProductChanges(sku, name, category, description, price, value, active);
  }

  public ProductChanges withActive(Boolean value) {
    return new ProductChanges(sku, name, category, description, price, inventory, value);
  }

  /** Nothing would change. */
  @JsonIgnore
  public boolean isEmpty() {
    return equals(none());
  }
}
