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

/**
 * A seller changes some fields of one of their own products (its stock, or whether it is on sale,
 * among them); every api node hears of it once the change is committed.
 */
public final class UpdateProduct implements OperationHandler {

  private final Vertx vertx;
  private final Pool pool;
  private final ProductRepository products;

  public UpdateProduct(Vertx vertx, Pool pool, ProductRepository products) {
    this.vertx = vertx;
    this.pool = pool;
    this.products = products;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    long productId = request.pathId("product_id");
    long sellerId = request.callerId();
    ProductChanges changes = ProductChanges.fromJson(request.body());
    if (changes.isEmpty()) {
      throw DomainException.badRequest(
          "Nothing to change: send at least one of name, category, description, price, inventory"
              + " or is_active.");
    }
    return products
        .update(pool, productId, sellerId, changes)
        .compose(
            updated -> {
              if (updated.isPresent()) {
                Invalidations.publishProducts(vertx, List.of(productId));
                return Future.succeededFuture(Reply.ok(updated.get().toJson()));
              }
              return products
                  .sellerOf(pool, productId)
                  .map(
                      owner -> {
                        throw owner.isEmpty()
                            ? DomainException.notFound("Product " + productId + " not found.")
                            : DomainException.forbidden(
                                "Product " + productId + " belongs to another seller.");
                      });
            });
  }
}
