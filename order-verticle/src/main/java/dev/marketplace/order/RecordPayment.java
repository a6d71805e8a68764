package dev.marketplace.order;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import io.vertx.core.Future;

/**
 * The payment path reports a captured payment: the order is marked paid and moves to processing.
 * Internal: reachable over the event bus only, never from HTTP, so no buyer can set it.
 */
public final class RecordPayment implements OperationHandler {

  public static final String ACTION = "recordPayment";

  private final OrderTransitions transitions;

  public RecordPayment(OrderTransitions transitions) {
    this.transitions = transitions;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    return transitions
        .move(
            request.body().getLong("order_id"),
            Actor.SYSTEM,
            null,
            OrderStatus.PROCESSING,
            new OrderRepository.Move(null, null, null, null, "Payment captured.", true))
        .map(change -> Reply.ok(change.order().toJson()));
  }
}
