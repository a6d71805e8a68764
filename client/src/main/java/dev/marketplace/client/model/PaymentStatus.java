package dev.marketplace.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a payment (or an order's payment) stands. {@link #UNKNOWN} stands for a status a newer
 * server sends that this client does not know yet.
 */
public enum PaymentStatus {
  UNPAID,
  PENDING,
  AUTHORIZED,
  CAPTURED,
  FAILED,
  REFUND_PENDING,
  REFUNDED,
  UNKNOWN;

  /** The status as the API spells it, e.g. {@code refund_pending}. */
  @JsonValue
  public String wireName() {
    return WireNames.of(this);
  }

  /** Reads {@code captured} or {@code CAPTURED}; anything else is {@link #UNKNOWN}. */
  @JsonCreator
  public static PaymentStatus of(String value) {
    return WireNames.parse(PaymentStatus.class, value, UNKNOWN);
  }
}
