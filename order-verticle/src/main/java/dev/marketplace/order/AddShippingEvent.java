package dev.marketplace.order;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.bus.UnitOfWork;
import dev.marketplace.common.bus.WriteOperation;
import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * A seller reports where a parcel is, optionally with a status change (for example "delivered" with
 * the place it was left). One statement; with an {@code Idempotency-Key}, a retry adds no second
 * event.
 */
public final class AddShippingEvent implements WriteOperation {

  private final OrderRepository orders;
  private final OrderTransitions transitions;
  private final OrderEventPublisher publisher;

  public AddShippingEvent(
      OrderRepository orders, OrderTransitions transitions, OrderEventPublisher publisher) {
    this.orders = orders;
    this.transitions = transitions;
    this.publisher = publisher;
  }

  @Override
  public Future<Reply> handle(BusRequest request, UnitOfWork work) {
    long orderId = request.pathId("order_id");
    long sellerId = request.callerId();
    JsonObject body = request.body();
    String location = body.getString("location");
    String notes = body.getString("notes");
    String status = body.getString("status");
    if (status != null) {
      return transitions
          .move(
              work,
              orderId,
              Actor.SELLER,
              sellerId,
              OrderStatus.fromDb(status),
              new OrderRepository.Move(
                  body.getString("carrier"),
                  body.getString("tracking_number"),
                  null,
                  location,
                  notes))
          .map(change -> Reply.created(change.event().toJson()));
    }
    return orders
        .addShippingEvent(work.sql(), orderId, sellerId, location, notes)
        .compose(
            added -> {
              if (added.isPresent()) {
                work.afterCommit(() -> publisher.publish(added.get()));
                return Future.succeededFuture(Reply.created(added.get().event().toJson()));
              }
              return orders
                  .state(work.sql(), orderId)
                  .map(
                      state -> {
                        if (state.isEmpty()) {
                          throw DomainException.notFound("Order " + orderId + " not found.");
                        }
                        if (state.get().sellerId() != sellerId) {
                          throw DomainException.forbidden("Order " + orderId + " is not yours.");
                        }
                        throw new DomainException(
                            ErrorCode.INVALID_TRANSITION,
                            "Order "
                                + orderId
                                + " is "
                                + state.get().status().dbValue()
                                + "; shipping events are for orders being prepared or on their"
                                + " way.");
                      });
            });
  }

  @Override
  public boolean transactional() {
    return false;
  }
}
