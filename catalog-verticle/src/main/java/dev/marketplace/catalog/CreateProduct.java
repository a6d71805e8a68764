package dev.marketplace.catalog;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.Invalidations;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.error.DomainException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.List;

/** A seller lists a new product; it may enter any list buyers browse, so every api node hears. */
public final class CreateProduct implements OperationHandler {

  private final Vertx vertx;
  private final Pool pool;
  private final ProductRepository products;

  public CreateProduct(Vertx vertx, Pool pool, ProductRepository products) {
    this.vertx = vertx;
    this.pool = pool;
    this.products = products;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    long sellerId = request.callerId();
    return products
        .insert(pool, sellerId, ProductChanges.fromJson(request.body()))
        .map(
            created ->
                created
                    .map(
                        product -> {
                          Invalidations.publishProducts(vertx, List.of(product.id()));
                          return Reply.created(product.toJson());
                        })
                    .orElseThrow(
                        () -> DomainException.notFound("Seller " + sellerId + " not found.")));
  }
}
