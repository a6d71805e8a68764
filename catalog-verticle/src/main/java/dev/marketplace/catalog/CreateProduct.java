package dev.marketplace.catalog;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.error.DomainException;
import io.vertx.core.Future;

/** A seller lists a new product. */
public final class CreateProduct implements OperationHandler {

  private final ProductRepository products;

  public CreateProduct(ProductRepository products) {
    this.products = products;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    long sellerId = request.callerId();
    return products
        .insert(sellerId, ProductChanges.fromJson(request.body()))
        .map(
            created ->
                created
                    .map(product -> Reply.created(product.toJson()))
                    .orElseThrow(
                        () -> DomainException.notFound("Seller " + sellerId + " not found.")));
  }
}
