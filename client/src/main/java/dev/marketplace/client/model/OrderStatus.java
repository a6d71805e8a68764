package dev.marketplace.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where an order stands. */
public enum OrderStatus {
  PENDING,
  PROCESSING,
  SHIPPED,
  DELIVERED,
  COMPLETED,
  CANCELLED;

  /** The status as the API spells it, e.g. {@code shipped}. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@code shipped}, {@code SHIPPED} or {@code Shipped}. */
  @JsonCreator
  public static OrderStatus of(String value) {
    return valueOf(value.strip().toUpperCase(Locale.ROOT));
  }
}
