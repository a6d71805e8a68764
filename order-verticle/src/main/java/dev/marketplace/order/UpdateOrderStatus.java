package dev.marketplace.order;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.ErrorCode;
import io.vertx.core.Future;

/** A seller moves one of their orders on, as far as the status machine allows. */
public final class UpdateOrderStatus implements OperationHandler {

  private final OrderRepository orders;
  private final OrderStatusMachine machine;

  public UpdateOrderStatus(OrderRepository orders, OrderStatusMachine machine) {
    this.orders = orders;
    this.machine = machine;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    long orderId = request.pathId("order_id");
    long sellerId = request.callerId();
    OrderStatus target = OrderStatus.fromDb(request.body().getString("status"));
    return orders
        .moveStatus(orderId, sellerId, machine.sourcesOf(target), target)
        .compose(
            moved -> {
              if (moved.isPresent()) {
                return Future.succeededFuture(Reply.ok(moved.get().toJson()));
              }
              return orders
                  .stateOf(orderId)
                  .map(
                      state -> {
                        throw refusal(state, orderId, sellerId, target);
                      });
            });
  }

  private DomainException refusal(
      java.util.Optional<OrderRepository.OrderState> state,
      long orderId,
      long sellerId,
      OrderStatus target) {
    if (state.isEmpty()) {
      return DomainException.notFound("Order " + orderId + " not found.");
    }
    if (state.get().sellerId() != sellerId) {
      return DomainException.forbidden("Order " + orderId + " belongs to another seller.");
    }
    return new DomainException(
        ErrorCode.INVALID_TRANSITION,
        "Order "
            + orderId
            + " is "
            + state.get().status().dbValue()
            + " and cannot become "
            + target.dbValue()
            + ".");
  }
}
