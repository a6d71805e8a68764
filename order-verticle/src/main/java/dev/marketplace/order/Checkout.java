package dev.marketplace.order;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
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
import java.util.concurrent.atomic.AtomicReference;

/**
 * A buyer checks out a cart: several products, possibly of several sellers. The stock of every line
 * is taken in one transaction, all or nothing, and the result is one pending order per seller,
 * grouped by a checkout id. Honours {@code Idempotency-Key} like a single order.
 */
public final class Checkout implements OperationHandler {

  private final OrderRepository orders;
  private final IdempotencyKeys idempotency;
  private final OrderEventPublisher publisher;

  public Checkout(
      OrderRepository orders, IdempotencyKeys idempotency, OrderEventPublisher publisher) {
    this.orders = orders;
    this.idempotency = idempotency;
    this.publisher = publisher;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    long buyerId = request.callerId();
    List<OrderRepository.CheckoutLine> lines = lines(request.body().getJsonArray("items"));
    UUID checkoutId = UUID.randomUUID();
    AtomicReference<List<Long>> events = new AtomicReference<>(List.of());
    return idempotency
        .once(
            buyerId,
            "checkout",
            request.headers().getString("Idempotency-Key"),
            request.body(),
            true,
            connection ->
                orders
                    .takeStock(connection, lines)
                    .compose(
                        taken ->
                            taken.size() < lines.size()
                                ? refuse(connection, lines, taken)
                                : orders.recordCheckout(connection, buyerId, checkoutId, taken))
                    .compose(
                        written -> {
                          events.set(written);
                          return answer(connection, checkoutId);
                        }))
        .onSuccess(
            committed ->
                orders.events(events.get()).onSuccess(list -> list.forEach(publisher::publish)));
  }

  /** The cart's lines, one per product (repeated products are added up), in product order. */
  private static List<OrderRepository.CheckoutLine> lines(JsonArray items) {
    Map<Long, Integer> byProduct = new TreeMap<>();
    for (int i = 0; i < items.size(); i++) {
      JsonObject item = items.getJsonObject(i);
      byProduct.merge(item.getLong("product_id"), item.getInteger("quantity"), Integer::sum);
    }
    List<OrderRepository.CheckoutLine> lines = new ArrayList<>(byProduct.size());
    byProduct.forEach(
        (product, quantity) ->
            lines.add(new OrderRepository.CheckoutLine(product, quantity, null, null)));
    return lines;
  }

  /** Fails the transaction, so no stock stays taken, naming the first line that could not be. */
  private Future<List<Long>> refuse(
      SqlClient connection,
      List<OrderRepository.CheckoutLine> lines,
      List<OrderRepository.CheckoutLine> taken) {
    OrderRepository.CheckoutLine missing =
        lines.stream()
            .filter(line -> taken.stream().noneMatch(t -> t.productId() == line.productId()))
            .findFirst()
            .orElseThrow();
    return orders
        .activeInventory(connection, missing.productId())
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

  private Future<Reply> answer(SqlClient connection, UUID checkoutId) {
    return orders
        .ofCheckout(connection, checkoutId)
        .compose(
            placed ->
                orders
                    .itemsOf(connection, placed.stream().map(Order::id).toList())
                    .map(
                        items -> {
                          JsonArray ordersJson = new JsonArray();
                          BigDecimal total = BigDecimal.ZERO;
                          for (Order order : placed) {
                            JsonArray lines = new JsonArray();
                            items.stream()
                                .filter(item -> item.orderId() == order.id())
                                .forEach(item -> lines.add(item.toJson()));
                            ordersJson.add(order.toJson().put("items", lines));
                            total = total.add(order.totalPrice());
                          }
                          return Reply.created(
                              new JsonObject()
                                  .put("checkout_id", checkoutId.toString())
                                  .put("total_price", total)
                                  .put("orders", ordersJson));
                        }));
  }
}
