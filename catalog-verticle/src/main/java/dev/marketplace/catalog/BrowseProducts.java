package dev.marketplace.catalog;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import io.vertx.core.Future;

/** Buyers browse active products, all of them or one category's. */
public final class BrowseProducts implements OperationHandler {

  private final ProductRepository products;

  public BrowseProducts(ProductRepository products) {
    this.products = products;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    String category = request.query().getString("category");
    int limit = request.limit();
    return (category == null
            ? products.active(limit)
            : products.activeInCategory(category.strip(), limit))
        .map(list -> Reply.list("products", list, Product::toJson));
  }
}
