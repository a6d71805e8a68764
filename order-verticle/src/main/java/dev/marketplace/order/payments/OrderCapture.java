package dev.marketplace.order.payments;

import dev.marketplace.order.OrderChange;
import java.util.Optional;

/**
 * What a captured payment did to its order: moved it to processing, or found it cancelled, in which
 * case the money is due back to the buyer. {@link OrderPayments#afterCommit} publishes the move.
 */
public final class OrderCapture {

  private final OrderChange change;

  OrderCapture(OrderChange change) {
    this.change = change;
  }

  /** The order had been cancelled meanwhile: the captured money must be refunded. */
  public boolean refundDue() {
    return change == null;
  }

  Optional<OrderChange> change() {
    return Optional.ofNullable(change);
  }
}
