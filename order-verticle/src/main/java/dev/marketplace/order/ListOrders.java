package dev.marketplace.order;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.error.DomainException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A buyer's orders, each with its seller's name, or the orders of a seller's products: newest
 * first, optionally of one status, a page at a time. {@code next_cursor} continues the list where
 * the page ended; orders placed meanwhile never shift it, because it names the last order seen
 * rather than a position.
 */
public final class ListOrders implements OperationHandler {

  private static final String CURSOR_PREFIX = "before:";

  private final Pool pool;
  private final OrderReadRepository orders;
  private final Actor owner;
  private final String ownerParameter;

  public ListOrders(Pool pool, OrderReadRepository orders, Actor owner) {
    this.pool = pool;
    this.orders = orders;
    this.owner = owner;
    this.ownerParameter = owner == Actor.SELLER ? "seller_id" : "buyer_id";
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    int limit = request.limit();
    String status = request.query().getString("status");
    return orders
        .ofOwner(
            pool,
            owner,
            request.pathId(ownerParameter),
            status == null ? null : OrderStatus.fromDb(status),
            decode(request.query().getString("cursor")),
            limit)
        .compose(
            page ->
                orders
                    .withItems(pool, page.stream().map(OrderReadRepository.Listed::order).toList())
                    .map(
                        json -> {
                          for (int i = 0; i < page.size(); i++) {
                            String sellerName = page.get(i).sellerName();
                            if (sellerName != null) {
                              json.getJsonObject(i).put("seller_name", sellerName);
                            }
                          }
                          String next =
                              page.size() == limit
                                  ? encode(page.get(page.size() - 1).order().id())
                                  : null;
                          return Reply.ok(
                              new JsonObject().put("orders", json).put("next_cursor", next));
                        }));
  }

  private static String encode(long lastId) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((CURSOR_PREFIX + lastId).getBytes(StandardCharsets.UTF_8));
  }

  private static Long decode(String cursor) {
    if (cursor == null) {
      return null;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith(CURSOR_PREFIX)) {
        return Long.parseLong(text.substring(CURSOR_PREFIX.length()));
      }
    } catch (IllegalArgumentException malformed) {
      // Falls through to the refusal below: NumberFormatException is one of these too.
    }
    throw DomainException.invalidField("cursor", "cursor is not one this server gave out.");
  }
}
