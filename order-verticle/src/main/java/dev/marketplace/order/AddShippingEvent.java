package dev.marketplace.order;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

/**
 * A seller reports where a parcel is, optionally with a status change (for example "delivered" with
 * the place it was left).
 */
public final class AddShippingEvent implements OperationHandler {

  private final Pool pool;
  private final OrderRepository orders;
  private final OrderTransitions transitions;
  private final OrderEventPublisher publisher;

  public AddShippingEvent(
      Pool pool,
      OrderRepository orders,
      OrderTransitions transitions,
      OrderEventPublisher publisher) {
    this.pool = pool;
    this.orders = orders;
    this.transitions = transitions;
    this.publisher = publisher;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    long orderId = request.pathId("order_id");
    long sellerId = request.callerId();
    JsonObject body = request.body();
    String location = body.getString("location");
    String notes = body.getString("notes");
    String status = body.getString("status");
    if (status != null) {
      return transitions
          .move(
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
        .addShippingEvent(pool, orderId, sellerId, location, notes)
        .compose(
            added -> {
              if (added.isPresent()) {
                return Future.succeededFuture(
                    Reply.created(publisher.publish(added.get()).event().toJson()));
              }
              return orders
                  .state(pool, orderId)
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
}
