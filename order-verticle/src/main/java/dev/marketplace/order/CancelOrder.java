package dev.marketplace.order;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import io.vertx.core.Future;

/** A buyer cancels their own order before it ships; the stock goes back on sale at once. */
public final class CancelOrder implements OperationHandler {

  private final OrderTransitions transitions;

  public CancelOrder(OrderTransitions transitions) {
    this.transitions = transitions;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    String reason = request.body().getString("reason", "Cancelled by the buyer.");
    return transitions
        .move(
            request.pathId("order_id"),
            Actor.BUYER,
            request.callerId(),
            OrderStatus.CANCELLED,
            new OrderRepository.Move(null, null, reason, null, null))
        .map(change -> Reply.ok(change.order().toJson()));
  }
}
