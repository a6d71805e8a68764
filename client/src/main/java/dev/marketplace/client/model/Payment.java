package dev.marketplace.client.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One attempt to pay an order, with what happened to it. */
public record Payment(
    long id,
    long orderId,
    BigDecimal amount,
    String paymentMethod,
    PaymentStatus paymentStatus,
    String transactionId,
    String failureCode,
    String failureMessage,
    Instant createdAt,
    Instant updatedAt,
    List<Entry> history) {

  /** The card was charged. */
  public boolean captured() {
    return paymentStatus == PaymentStatus.CAPTURED;
  }

  /** One step of a payment: its status then, the gateway's reference, and who reported it. */
  public record Entry(
      PaymentStatus paymentStatus,
      String gatewayReference,
      String detail,
      String source,
      Instant createdAt) {}
}
