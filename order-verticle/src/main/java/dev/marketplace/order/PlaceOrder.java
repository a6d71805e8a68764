package dev.marketplace.order;

import dev.marketplace.common.bus.ApiOperation;
import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A buyer orders a quantity of one product, taking the stock at once. With an {@code
 * Idempotency-Key}, retries of the same request place the order only once. Once committed, the
 * order's event goes to live streams and the product's new stock to every api node.
 */
public final class PlaceOrder implements OperationHandler {

  private final OrderRepository orders;
  private final StockRepository stock;
  private final IdempotencyKeys idempotency;
  private final OrderEventPublisher publisher;
  private final StockChangeNotices stockChanges;

  public PlaceOrder(
      OrderRepository orders,
      StockRepository stock,
      IdempotencyKeys idempotency,
      OrderEventPublisher publisher,
      StockChangeNotices stockChanges) {
    this.orders = orders;
    this.stock = stock;
    this.idempotency = idempotency;
    this.publisher = publisher;
    this.stockChanges = stockChanges;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    JsonObject body = request.body();
    long buyerId = request.callerId();
    long productId = body.getLong("product_id");
    int quantity = body.getInteger("quantity");
    AtomicReference<OrderChange> placed = new AtomicReference<>();
    return idempotency
        .once(
            buyerId,
            ApiOperation.PLACE_ORDER.id(),
            request.headers().getString("Idempotency-Key"),
            body,
            false,
            client ->
                orders
                    .place(client, buyerId, productId, quantity)
                    .compose(
                        change -> {
                          if (change.isPresent()) {
                            placed.set(change.get());
                            return Future.succeededFuture(
                                Reply.created(change.get().order().toJson()));
                          }
                          return stock
                              .activeInventory(client, productId)
                              .map(
                                  inventory -> {
                                    throw refusal(inventory.orElse(null), productId, quantity);
                                  });
                        }))
        .compose(
            committed -> {
              if (placed.get() == null) {
                return Future.succeededFuture(committed);
              }
              publisher.publish(placed.get());
              return stockChanges.taken(List.of(productId)).map(committed);
            });
  }

  private static DomainException refusal(Integer inventory, long productId, int quantity) {
    if (inventory == null) {
      return DomainException.notFound("Product " + productId + " not found.");
    }
    return new DomainException(
        ErrorCode.INSUFFICIENT_INVENTORY,
        "Only " + inventory + " of product " + productId + " left, " + quantity + " requested.");
  }
}
