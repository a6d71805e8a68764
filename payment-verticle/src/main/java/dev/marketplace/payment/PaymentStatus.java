package dev.marketplace.payment;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a payment stands. Statuses only move forward, so a late or repeated notification of an
 * earlier step can never undo a later one:
 *
 * <pre>
 * pending --> authorized --> captured --> refunded
 * pending, authorized --> captured (a capture seen before its authorization)
 * pending, authorized --> failed
 * </pre>
 */
public enum PaymentStatus {
  PENDING,
  AUTHORIZED,
  CAPTURED,
  FAILED,
  REFUNDED;

  /** The statuses a payment may be in to move to this one. */
  public Set<PaymentStatus> sources() {
    return switch (this) {
      case PENDING -> EnumSet.noneOf(PaymentStatus.class);
      case AUTHORIZED -> EnumSet.of(PENDING);
      case CAPTURED, FAILED -> EnumSet.of(PENDING, AUTHORIZED);
      case REFUNDED -> EnumSet.of(CAPTURED);
    };
  }

  /** Not settled yet: the gateway's answer is awaited. */
  public boolean unsettled() {
    return this == PENDING || this == AUTHORIZED;
  }

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static PaymentStatus fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
