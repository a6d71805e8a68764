package dev.marketplace.order.payments;

import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.ErrorCode;
import dev.marketplace.order.OrderState;
import dev.marketplace.order.OrderStatus;
import java.math.BigDecimal;
import java.util.Set;

/** A buyer's order as a payment sees it, locked by {@link OrderPayments#lockForPayment}. */
public final class PayableOrder {

  private final OrderState order;
  private final Set<OrderStatus> payableFrom;

  PayableOrder(OrderState order, Set<OrderStatus> payableFrom) {
    this.order = order;
    this.payableFrom = payableFrom;
  }

  public long id() {
    return order.id();
  }

  public long buyerId() {
    return order.buyerId();
  }

  /** What the buyer pays: the order's total, never an amount the client names. */
  public BigDecimal total() {
    return order.total();
  }

  /**
   * Refuses (409) to start a payment while another is under way, once the order is paid, or when
   * the order is where a capture can no longer move it on (cancelled, or already on its way).
   */
  public void refuseUnpayable() {
    switch (order.paymentStatus()) {
      case PENDING, AUTHORIZED ->
          throw new DomainException(
              ErrorCode.INVALID_TRANSITION,
              "A payment for order " + id() + " is already in progress.");
      case CAPTURED, REFUND_PENDING, REFUNDED ->
          throw new DomainException(
              ErrorCode.INVALID_TRANSITION, "Order " + id() + " is already paid.");
      case UNPAID, FAILED -> {
        if (!payableFrom.contains(order.status())) {
          throw new DomainException(
              ErrorCode.INVALID_TRANSITION,
              "Order " + id() + " is " + order.status().dbValue() + " and cannot be paid.");
        }
      }
    }
  }
}
