package dev.marketplace.catalog;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.bus.UnitOfWork;
import dev.marketplace.common.bus.WriteOperation;
import dev.marketplace.common.db.ChangeNotices;
import io.vertx.core.Future;
import java.util.List;

/**
 * A buyer rates a product they received (1 to 5, with an optional comment). One review per buyer
 * and product: writing again edits it. The product's rating and reviews change with it, which every
 * api node hears of once the transaction has committed. With an {@code Idempotency-Key}, a retry
 * gets the first answer (201 for a new review) again.
 */
public final class WriteReview implements WriteOperation {

  private final ChangeNotices notices;
  private final ReviewRepository reviews;

  public WriteReview(ChangeNotices notices, ReviewRepository reviews) {
    this.notices = notices;
    this.reviews = reviews;
  }

  @Override
  public Future<Reply> handle(BusRequest request, UnitOfWork work) {
    long productId = request.pathId("product_id");
    return reviews
        .write(
            work.sql(),
            productId,
            request.callerId(),
            request.body().getInteger("rating"),
            request.body().getString("comment", ""))
        .map(
            written -> {
              work.afterCommitAwaiting(() -> notices.productsChanged(List.of(productId)));
              return written.created()
                  ? Reply.created(written.review().toJson())
                  : Reply.ok(written.review().toJson());
            });
  }
}
