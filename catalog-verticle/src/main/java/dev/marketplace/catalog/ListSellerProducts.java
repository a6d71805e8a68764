package dev.marketplace.catalog;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.error.DomainException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.List;

/**
 * A seller's own products, active or not, oldest first, filtered by status, category and low stock,
 * a page at a time: {@code next_cursor} continues after the page's last product.
 */
public final class ListSellerProducts implements OperationHandler {

  private final Pool pool;
  private final SellerProductRepository products;

  public ListSellerProducts(Pool pool, SellerProductRepository products) {
    this.pool = pool;
    this.products = products;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    SellerProductFilter filter = SellerProductFilter.of(request);
    return products
        .list(pool, filter)
        .map(
            found -> {
              List<Product> page =
                  found.orElseThrow(
                      () ->
                          DomainException.notFound("Seller " + filter.sellerId() + " not found."));
              JsonArray items = new JsonArray();
              page.forEach(product -> items.add(product.toJson()));
              String next =
                  page.size() == filter.limit()
                      ? Long.toString(page.get(page.size() - 1).id())
                      : null;
              return Reply.ok(new JsonObject().put("products", items).put("next_cursor", next));
            });
  }
}
