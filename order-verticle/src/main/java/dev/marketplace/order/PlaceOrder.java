package dev.marketplace.order;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.bus.UnitOfWork;
import dev.marketplace.common.bus.WriteOperation;
import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * A buyer orders a quantity of one product, taking the stock at once. With an {@code
 * Idempotency-Key}, retries of the same request place the order only once. Orders that queue are
 * placed together ({@link PlacementBatches}), each with its own outcome. Once committed, the
 * order's event goes to live streams and the product's new stock to every api node.
 */
public final class PlaceOrder implements WriteOperation {

  private final OrderRepository orders;
  private final PlacementBatches batches;
  private final StockRepository stock;
  private final OrderEventPublisher publisher;
  private final StockChangeNotices stockChanges;
  private final OrderMeters meters;

  public PlaceOrder(
      OrderRepository orders,
      PlacementBatches batches,
      StockRepository stock,
      OrderEventPublisher publisher,
      StockChangeNotices stockChanges,
      OrderMeters meters) {
    this.orders = orders;
    this.batches = batches;
    this.stock = stock;
    this.publisher = publisher;
    this.stockChanges = stockChanges;
    this.meters = meters;
  }

  @Override
  public Future<Reply> handle(BusRequest request, UnitOfWork work) {
    JsonObject body = request.body();
    long buyerId = request.callerId();
    long productId = body.getLong("product_id");
    int quantity = body.getInteger("quantity");
    // With an Idempotency-Key the order is a step of the key's transaction; without, it may share
    // one with other orders (PlacementBatches).
    Future<Optional<OrderChange>> placed =
        work.ownTransaction()
            ? orders.place(work.sql(), buyerId, productId, quantity)
            : batches.place(buyerId, productId, quantity);
    return placed.compose(
        change -> {
          if (change.isPresent()) {
            work.afterCommit(() -> publisher.publish(change.get()));
            work.afterCommit(() -> meters.placed().increment());
            work.afterCommitAwaiting(() -> stockChanges.taken(List.of(productId)));
            return Future.succeededFuture(Reply.created(change.get().order().toJson()));
          }
          return stock
              .activeInventory(work.sql(), productId)
              .map(
                  inventory -> {
                    throw refusal(inventory.orElse(null), productId, quantity);
                  });
        });
  }

  /** One statement takes the stock and writes the order. */
  @Override
  public boolean transactional() {
    return false;
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
