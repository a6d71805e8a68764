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

  public OrderRepository.Change publish(OrderRepository.Change change) {
    publish(change.event());
    return change;
  }

  public void publish(OrderEvent event) {
    vertx.eventBus().publish(Topics.ORDER_EVENTS, event.toJson());
  }
}
