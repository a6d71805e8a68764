package dev.marketplace.catalog;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** The categories buyers can browse, with how many active products each has. */
public final class ListCategories implements OperationHandler {

  private final ProductRepository products;

  public ListCategories(ProductRepository products) {
    this.products = products;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    return products
        .categories()
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
