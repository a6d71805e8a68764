package dev.marketplace.catalog;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.error.DomainException;
import io.vertx.core.Future;

/** A seller's own products, including the inactive ones. */
public final class ListSellerProducts implements OperationHandler {

  private final ProductRepository products;

  public ListSellerProducts(ProductRepository products) {
    this.products = products;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    long sellerId = request.pathId("seller_id");
    return products
        .ofSeller(sellerId, request.limit())
        .map(
            found ->
                found
                    .map(list -> Reply.list("products", list, Product::toJson))
                    .orElseThrow(
                        () -> DomainException.notFound("Seller " + sellerId + " not found.")));
  }
}
