package dev.marketplace.catalog;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import io.vertx.core.Future;

/**
 * A buyer rates a product they received (1 to 5, with an optional comment). One review per buyer
 * and product: writing again edits it.
 */
public final class WriteReview implements OperationHandler {

  private final ReviewRepository reviews;

  public WriteReview(ReviewRepository reviews) {
    this.reviews = reviews;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    return reviews
        .write(
            request.pathId("product_id"),
            request.callerId(),
            request.body().getInteger("rating"),
            request.body().getString("comment", ""))
        .map(
            written ->
                written.created()
                    ? Reply.created(written.review().toJson())
                    : Reply.ok(written.review().toJson()));
  }
}
