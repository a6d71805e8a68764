package dev.marketplace.order;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** A buyer orders a quantity of one product, taking the stock at once. */
public final class PlaceOrder implements OperationHandler {

  private final OrderRepository orders;

  public PlaceOrder(OrderRepository orders) {
    this.orders = orders;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    JsonObject body = request.body();
    long buyerId = request.callerId();
    long productId = body.getLong("product_id");
    int quantity = body.getInteger("quantity");
    return orders
        .place(buyerId, productId, quantity)
        .compose(
            placed -> {
              if (placed.isPresent()) {
                return Future.succeededFuture(Reply.created(placed.get().toJson()));
              }
              return orders
                  .obstacleTo(buyerId, productId)
                  .map(
                      obstacle -> {
                        throw refusal(obstacle, buyerId, productId, quantity);
                      });
            });
  }

  private static DomainException refusal(
      OrderRepository.PlacementObstacle obstacle, long buyerId, long productId, int quantity) {
    if (!obstacle.buyerKnown()) {
      return DomainException.notFound("Buyer " + buyerId + " not found.");
    }
    if (obstacle.activeInventory().isEmpty()) {
      return DomainException.notFound("Product " + productId + " not found.");
    }
    return new DomainException(
        ErrorCode.INSUFFICIENT_INVENTORY,
        "Only "
            + obstacle.activeInventory().get()
            + " of product "
            + productId
            + " left, "
            + quantity
            + " requested.");
  }
}
