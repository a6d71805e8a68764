package dev.marketplace.catalog;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.db.ReadRouting;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** The categories buyers can browse, with how many active products each has. */
public final class ListCategories implements OperationHandler {

  private final ReadRouting reads;
  private final ProductRepository products;

  public ListCategories(ReadRouting reads, ProductRepository products) {
    this.reads = reads;
    this.products = products;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    return reads.reply(
        request,
        client ->
            products
                .categories(client)
                .map(
                    categories ->
                        Reply.list(
                            "categories",
                            categories,
                            category ->
                                new JsonObject()
                                    .put("name", category.name())
                                    .put("product_count", category.products()))));
  }
}
