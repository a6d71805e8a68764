package dev.marketplace.catalog;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.db.ReadRouting;
import dev.marketplace.common.error.DomainException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;

/** A product's reviews, newest first, a page at a time. */
public final class ListReviews implements OperationHandler {

  private final ReadRouting reads;
  private final ProductRepository products;
  private final ReviewRepository reviews;

  public ListReviews(ReadRouting reads, ProductRepository products, ReviewRepository reviews) {
    this.reads = reads;
    this.products = products;
    this.reviews = reviews;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    long productId = request.pathId("product_id");
    int limit = request.limit();
    Long before = cursor(request.query().getString("cursor"));
    return reads.reply(request, client -> page(client, productId, before, limit));
  }

  private Future<Reply> page(SqlClient client, long productId, Long before, int limit) {
    return products
        .findActive(client, productId)
        .compose(
            product -> {
              if (product.isEmpty()) {
                throw DomainException.notFound("Product " + productId + " not found.");
              }
              return reviews.ofProduct(client, productId, before, limit);
            })
        .map(
            page -> {
              JsonArray items = new JsonArray();
              page.forEach(review -> items.add(review.toJson()));
              String next =
                  page.size() == limit ? Long.toString(page.get(page.size() - 1).id()) : null;
              return Reply.ok(new JsonObject().put("reviews", items).put("next_cursor", next));
            });
  }

  private static Long cursor(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw DomainException.invalidField("cursor", "cursor is not one this server gave out.");
    }
  }
}
