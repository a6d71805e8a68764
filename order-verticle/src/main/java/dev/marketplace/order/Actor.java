package dev.marketplace.order;

import java.util.Locale;

/** Who moves an order: its buyer, its seller, or the system itself (payments, expiry). */
public enum Actor {
  BUYER,
  SELLER,
  SYSTEM;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
