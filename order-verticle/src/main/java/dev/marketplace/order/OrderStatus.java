package dev.marketplace.order;

import java.util.Locale;

/** Where an order is in its life. */
public enum OrderStatus {
  PENDING,
  PROCESSING,
  SHIPPED,
  DELIVERED,
  COMPLETED,
  CANCELLED;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static OrderStatus fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
