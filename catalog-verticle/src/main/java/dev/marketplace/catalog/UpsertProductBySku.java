package dev.marketplace.catalog;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.Invalidations;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.error.DomainException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.List;

/**
 * A seller puts a product by its SKU: creates it, or sets its fields if any differs, or leaves it
 * as it is. Repeating the same request changes nothing and says {@code unchanged}, which is what
 * makes an import safe to run twice. Concurrent puts of one SKU create it once. A put that wrote
 * something is heard of by every api node once committed; an unchanged one is not.
 */
public final class UpsertProductBySku implements OperationHandler {

  private final Vertx vertx;
  private final Pool pool;
  private final SellerProductRepository products;

  public UpsertProductBySku(Vertx vertx, Pool pool, SellerProductRepository products) {
    this.vertx = vertx;
    this.pool = pool;
    this.products = products;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    long sellerId = request.callerId();
    String sku = request.path().getString("sku");
    return products
        .upsert(pool, sellerId, sku, ProductChanges.fromJson(request.body()))
        .compose(
            written -> {
              if (written.isPresent()) {
                Invalidations.publishProducts(vertx, List.of(written.get().product().id()));
                boolean created = written.get().created();
                JsonObject body = answer(created ? "created" : "updated", written.get().product());
                return Future.succeededFuture(created ? Reply.created(body) : Reply.ok(body));
              }
              return products
                  .findBySku(pool, sellerId, sku)
                  .map(
                      same ->
                          Reply.ok(
                              answer(
                                  "unchanged",
                                  same.orElseThrow(
                                      () ->
                                          DomainException.notFound(
                                              "Seller " + sellerId + " not found.")))));
            });
  }

  private static JsonObject answer(String outcome, Product product) {
    return new JsonObject().put("outcome", outcome).put("product", product.toJson());
  }
}
