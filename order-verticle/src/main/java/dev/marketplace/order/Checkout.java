package dev.marketplace.order;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.bus.UnitOfWork;
import dev.marketplace.common.bus.WriteOperation;
import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A buyer checks out a cart: several products, possibly of several sellers. The stock of every line
 * is taken in one transaction, all or nothing, and the result is one pending order per seller,
 * grouped by a checkout id. Honours {@code Idempotency-Key} like a single order. Once committed,
 * the orders' events go to live streams and the products' new stock to every api node.
 */
public final class Checkout implements WriteOperation {

  private final CheckoutRepository checkouts;
  private final StockRepository stock;
  private final OrderReadRepository orders;
  private final OrderHistoryRepository history;
  private final OrderEventPublisher publisher;
  private final StockChangeNotices stockChanges;
  private final OrderMeters meters;

  public Checkout(
      CheckoutRepository checkouts,
      StockRepository stock,
      OrderReadRepository orders,
      OrderHistoryRepository history,
      OrderEventPublisher publisher,
      StockChangeNotices stockChanges,
      OrderMeters meters) {
    this.checkouts = checkouts;
    this.stock = stock;
    this.orders = orders;
    this.history = history;
    this.publisher = publisher;
    this.stockChanges = stockChanges;
    this.meters = meters;
  }

  @Override
  public Future<Reply> handle(BusRequest request, UnitOfWork work) {
    long buyerId = request.callerId();
    List<CheckoutLine> lines = lines(request.body().getJsonArray("items"));
    UUID checkoutId = UUID.randomUUID();
    SqlClient tx = work.sql();
    return stock
        .take(tx, lines)
        .compose(
            taken ->
                taken.size() < lines.size()
                    ? refuse(tx, lines, taken)
                    : checkouts.record(tx, buyerId, checkoutId, taken))
        .compose(written -> history.events(tx, written))
        .compose(
            events -> {
              work.afterCommit(() -> events.forEach(publisher::publish));
              work.afterCommit(() -> meters.placed().increment(events.size()));
              work.afterCommitAwaiting(
                  () -> stockChanges.taken(lines.stream().map(CheckoutLine::productId).toList()));
              return answer(tx, checkoutId);
            });
  }

  /** The cart's lines, one per product (repeated products are added up), in product order. */
  private static List<CheckoutLine> lines(JsonArray items) {
    Map<Long, Integer> byProduct = new TreeMap<>();
    for (int i = 0; i < items.size(); i++) {
      JsonObject item = items.getJsonObject(i);
      byProduct.merge(item.getLong("product_id"), item.getInteger("quantity"), Integer::sum);
    }
    List<CheckoutLine> lines = new ArrayList<>(byProduct.size());
    byProduct.forEach(
        (product, quantity) -> lines.add(new CheckoutLine(product, quantity, null, null)));
    return lines;
  }

  /** Fails the transaction, so no stock stays taken, naming the first line that could not be. */
  private Future<List<Long>> refuse(
      SqlClient tx, List<CheckoutLine> lines, List<CheckoutLine> taken) {
    CheckoutLine missing =
        lines.stream()
            .filter(line -> taken.stream().noneMatch(t -> t.productId() == line.productId()))
            .findFirst()
            .orElseThrow();
    return stock
        .activeInventory(tx, missing.productId())
        .map(
            inventory -> {
              if (inventory.isEmpty()) {
                throw DomainException.notFound("Product " + missing.productId() + " not found.");
              }
              throw new DomainException(
                  ErrorCode.INSUFFICIENT_INVENTORY,
                  "Only "
                      + inventory.get()
                      + " of product "
                      + missing.productId()
                      + " left, "
                      + missing.quantity()
                      + " requested; nothing was ordered.");
            });
  }

  private Future<Reply> answer(SqlClient tx, UUID checkoutId) {
    return orders
        .ofCheckout(tx, checkoutId)
        .compose(
            placed ->
                orders
                    .withItems(tx, placed)
                    .map(
                        ordersJson -> {
                          BigDecimal total =
                              placed.stream()
                                  .map(Order::totalPrice)
                                  .reduce(BigDecimal.ZERO, BigDecimal::add);
                          return Reply.created(
                              new JsonObject()
                                  .put("checkout_id", checkoutId.toString())
                                  .put("total_price", total)
                                  .put("orders", ordersJson));
                        }));
  }
}
