package dev.marketplace.order;

import java.util.Locale;

/**
 * Where an order's money stands, as the payment verticle keeps it on the order (so that every order
 * read shows it without a join): nothing tried yet, a payment under way, captured, failed (another
 * card may be tried), or, for a cancelled order that was paid, refund due and refunded.
 */
public enum OrderPaymentStatus {
  UNPAID,
  PENDING,
  AUTHORIZED,
  CAPTURED,
  FAILED,
  REFUND_PENDING,
  REFUNDED;

  /** We hold the buyer's money: captured, and not yet given back. */
  public boolean holdsTheMoney() {
    return this == CAPTURED || this == REFUND_PENDING;
  }

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static OrderPaymentStatus fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
