package dev.marketplace.catalog;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.db.ReadRouting;
import dev.marketplace.common.error.DomainException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

/**
 * Buyers browse or search active products, filtered, sorted and a page at a time: {@code
 * next_cursor} continues where the page ended.
 */
public final class BrowseProducts implements OperationHandler {

  private final ReadRouting reads;
  private final ProductRepository products;
  private final boolean searching;

  public BrowseProducts(ReadRouting reads, ProductRepository products, boolean searching) {
    this.reads = reads;
    this.products = products;
    this.searching = searching;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    String text = null;
    if (searching) {
      text = request.query().getString("q", "").strip();
      if (text.isEmpty()) {
        throw DomainException.invalidField("q", "q must contain something to search for.");
      }
    }
    ProductQuery query = ProductQuery.of(text, request.query());
    return reads.reply(request, pool -> page(pool, query));
  }

  private Future<Reply> page(Pool pool, ProductQuery query) {
    return products
        .page(pool, query)
        .map(
            page -> {
              JsonArray items = new JsonArray();
              page.products().forEach(product -> items.add(product.toJson()));
              int size = page.products().size();
              String next =
                  size == query.limit()
                      ? query.cursorAfter(page.products().get(size - 1), page.ranks().get(size - 1))
                      : null;
              return Reply.ok(new JsonObject().put("products", items).put("next_cursor", next));
            });
  }
}
