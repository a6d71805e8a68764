package dev.marketplace.catalog;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.Invalidations;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.List;

/**
 * A buyer rates a product they received (1 to 5, with an optional comment). One review per buyer
 * and product: writing again edits it. The product's rating and reviews change with it, which every
 * api node hears of once the transaction has committed.
 */
public final class WriteReview implements OperationHandler {

  private final Vertx vertx;
  private final Pool pool;
  private final ReviewRepository reviews;

  public WriteReview(Vertx vertx, Pool pool, ReviewRepository reviews) {
    this.vertx = vertx;
    this.pool = pool;
    this.reviews = reviews;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    long productId = request.pathId("product_id");
    long buyerId = request.callerId();
    int rating = request.body().getInteger("rating");
    String comment = request.body().getString("comment", "");
    return pool.withTransaction(tx -> reviews.write(tx, productId, buyerId, rating, comment))
        .map(
            written -> {
              Invalidations.publishProducts(vertx, List.of(productId));
              return written.created()
                  ? Reply.created(written.review().toJson())
                  : Reply.ok(written.review().toJson());
            });
  }
}
