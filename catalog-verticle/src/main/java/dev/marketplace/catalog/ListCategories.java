package dev.marketplace.catalog;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

/** The categories buyers can browse, with how many active products each has. */
public final class ListCategories implements OperationHandler {

  private final Pool pool;
  private final ProductRepository products;

  public ListCategories(Pool pool, ProductRepository products) {
    this.pool = pool;
    this.products = products;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    return products
        .categories(pool)
        .map(
            categories ->
                Reply.list(
                    "categories",
                    categories,
                    category ->
                        new JsonObject()
                            .put("name", category.name())
                            .put("product_count", category.products())));
  }
}
