package dev.marketplace.order;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.error.DomainException;
import io.vertx.core.Future;

/** A buyer's orders, newest first. */
public final class ListBuyerOrders implements OperationHandler {

  private final OrderRepository orders;

  public ListBuyerOrders(OrderRepository orders) {
    this.orders = orders;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    long buyerId = request.pathId("buyer_id");
    return orders
        .ofBuyer(buyerId, request.limit())
        .map(
            found ->
                found
                    .map(list -> Reply.list("orders", list, Order::toJson))
                    .orElseThrow(
                        () -> DomainException.notFound("Buyer " + buyerId + " not found.")));
  }
}
