package dev.marketplace.order;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.bus.UnitOfWork;
import dev.marketplace.common.bus.WriteOperation;
import io.vertx.core.Future;

/**
 * A buyer cancels their own order before it ships; the stock goes back on sale at once. One
 * statement; with an {@code Idempotency-Key}, a retry gets the first answer instead of 409.
 */
public final class CancelOrder implements WriteOperation {

  private final OrderTransitions transitions;

  public CancelOrder(OrderTransitions transitions) {
    this.transitions = transitions;
  }

  @Override
  public Future<Reply> handle(BusRequest request, UnitOfWork work) {
    String reason = request.body().getString("reason", "Cancelled by the buyer.");
    return transitions
        .move(
            work,
            request.pathId("order_id"),
            Actor.BUYER,
            request.callerId(),
            OrderStatus.CANCELLED,
            new OrderRepository.Move(null, null, reason, null, null))
        .map(change -> Reply.ok(change.order().toJson()));
  }

  @Override
  public boolean transactional() {
    return false;
  }
}
