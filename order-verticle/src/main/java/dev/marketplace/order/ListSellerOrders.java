package dev.marketplace.order;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.error.DomainException;
import io.vertx.core.Future;

/** Orders of a seller's products, newest first. */
public final class ListSellerOrders implements OperationHandler {

  private final OrderRepository orders;

  public ListSellerOrders(OrderRepository orders) {
    this.orders = orders;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    long sellerId = request.pathId("seller_id");
    return orders
        .ofSeller(sellerId, request.limit())
        .map(
            found ->
                found
                    .map(list -> Reply.list("orders", list, Order::toJson))
                    .orElseThrow(
                        () -> DomainException.notFound("Seller " + sellerId + " not found.")));
  }
}
