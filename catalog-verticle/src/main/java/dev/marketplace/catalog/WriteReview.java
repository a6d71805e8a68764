package dev.marketplace.catalog;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.db.ChangeNotices;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.List;

/**
 * A buyer rates a product they received (1 to 5, with an optional comment). One review per buyer
 * and product: writing again edits it. The product's rating and reviews change with it, which every
 * api node hears of once the transaction has committed.
 */
public final class WriteReview implements OperationHandler {

  private final ChangeNotices notices;
  private final Pool pool;
  private final ReviewRepository reviews;

  public WriteReview(ChangeNotices notices, Pool pool, ReviewRepository reviews) {
    this.notices = notices;
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
        .compose(
            written ->
                notices
                    .productsChanged(List.of(productId))
                    .map(
                        told ->
                            written.created()
                                ? Reply.created(written.review().toJson())
                                : Reply.ok(written.review().toJson())));
  }
}
