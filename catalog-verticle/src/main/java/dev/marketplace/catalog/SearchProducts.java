package dev.marketplace.catalog;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.error.DomainException;
import io.vertx.core.Future;

/** Buyers find active products whose name contains some text, in any letter case. */
public final class SearchProducts implements OperationHandler {

  private final ProductRepository products;

  public SearchProducts(ProductRepository products) {
    this.products = products;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    String text = request.query().getString("q", "").strip();
    if (text.isEmpty()) {
      throw DomainException.badRequest("q must contain something to search for.");
    }
    return products
        .activeWithNameContaining(text, request.limit())
        .map(list -> Reply.list("products", list, Product::toJson));
  }
}
