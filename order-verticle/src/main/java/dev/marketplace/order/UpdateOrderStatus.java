package dev.marketplace.order;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.bus.UnitOfWork;
import dev.marketplace.common.bus.WriteOperation;
import dev.marketplace.common.error.DomainException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * A seller moves one of their orders on: ships it (with carrier and tracking number), marks it
 * delivered, completes it, or cancels it with a reason. One statement; with an {@code
 * Idempotency-Key}, a retry gets the first answer instead of 409 for a move already made.
 */
public final class UpdateOrderStatus implements WriteOperation {

  private final OrderTransitions transitions;

  public UpdateOrderStatus(OrderTransitions transitions) {
    this.transitions = transitions;
  }

  @Override
  public Future<Reply> handle(BusRequest request, UnitOfWork work) {
    long orderId = request.pathId("order_id");
    JsonObject body = request.body();
    OrderStatus target = OrderStatus.fromDb(body.getString("status"));
    OrderRepository.Move move =
        new OrderRepository.Move(
            body.getString("carrier"),
            body.getString("tracking_number"),
            body.getString("reason"),
            body.getString("location"),
            body.getString("notes"));
    if (target == OrderStatus.SHIPPED
        && (move.carrier() == null || move.trackingNumber() == null)) {
      throw DomainException.invalidField(
          "carrier", "Shipping an order needs carrier and tracking_number.");
    }
    if (target == OrderStatus.CANCELLED && move.reason() == null) {
      throw DomainException.invalidField(
          "reason", "A seller cancelling an order must give a reason.");
    }
    return transitions
        .move(work, orderId, Actor.SELLER, request.callerId(), target, move)
        .map(change -> Reply.ok(change.order().toJson()));
  }

  @Override
  public boolean transactional() {
    return false;
  }
}
