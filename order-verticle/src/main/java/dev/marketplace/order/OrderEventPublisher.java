package dev.marketplace.order;

import dev.marketplace.common.bus.Topics;
import io.vertx.core.Vertx;

/**
 * Tells live streams about a change, on every node: the event bus spreads the notification, the
 * {@code order_tracking} row already committed is what makes it durable.
 */
public final class OrderEventPublisher {

  private final Vertx vertx;

  public OrderEventPublisher(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * Publishes the change's event; a change that made a refund due (a paid order cancelled) also
   * goes, point to point, to the payment verticle, which refunds at once. The reconciler finds any
   * refund this message does not bring about.
   */
  public OrderChange publish(OrderChange change) {
    publish(change.event());
    if (change.order().paymentStatus() == OrderPaymentStatus.REFUND_PENDING) {
      vertx.eventBus().send(Topics.REFUNDS_DUE, change.order().id());
    }
    return change;
  }

  public void publish(OrderEvent event) {
    vertx.eventBus().publish(Topics.ORDER_EVENTS, event.toJson());
  }
}
