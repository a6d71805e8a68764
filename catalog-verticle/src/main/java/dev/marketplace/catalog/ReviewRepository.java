package dev.marketplace.catalog;

import dev.marketplace.common.db.Rows;
import dev.marketplace.common.error.DomainException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/**
 * The {@code product_reviews} table and the rating summary kept on {@code products}.
 *
 * <p>Whether a buyer may review is read from {@code orders} and {@code order_items}, tables the
 * order verticle owns: a review needs a delivered or completed order of the product.
 */
public final class ReviewRepository {

  /** Reviews per rating of product $1; public so that the benchmark runs the very same SQL. */
  public static final String HISTOGRAM =
      "SELECT rating, count(*) AS reviews FROM product_reviews WHERE product_id = $1"
          + " GROUP BY rating";

  /**
   * Adds the buyer's review of a product, or replaces their earlier one, and updates the product's
   * rating sum, count and average, all in the caller's transaction on {@code connection}. The
   * product row is locked first, so concurrent reviews of one product apply one after the other and
   * the summary stays exact.
   */
  public Future<Written> write(
      SqlClient connection, long productId, long buyerId, int rating, String comment) {
    return connection
        .preparedQuery("SELECT id FROM products WHERE id = $1 AND is_active FOR UPDATE")
        .execute(Tuple.of(productId))
        .compose(
            product -> {
              if (product.size() == 0) {
                throw DomainException.notFound("Product " + productId + " not found.");
              }
              return eligible(connection, productId, buyerId);
            })
        .compose(
            eligible -> {
              if (!eligible) {
                throw DomainException.forbidden(
                    "Only a buyer with a delivered order of this product may review it.");
              }
              return previousRating(connection, productId, buyerId);
            })
        .compose(
            previous ->
                upsert(connection, productId, buyerId, rating, comment)
                    .compose(
                        review ->
                            adjustSummary(connection, productId, rating, previous)
                                .map(done -> new Written(review, previous == null))));
  }

  /** A product's reviews, newest first, before review {@code beforeId} when continuing. */
  public Future<List<Review>> ofProduct(
      SqlClient client, long productId, Long beforeId, int limit) {
    return client
        .preparedQuery(
            "SELECT "
                + Review.COLUMNS
                + " FROM product_reviews r JOIN users b ON b.id = r.buyer_id"
                + " WHERE r.product_id = $1 AND ($2::bigint IS NULL OR r.id < $2)"
                + " ORDER BY r.id DESC LIMIT $3")
        .mapping(Review::fromRow)
        .execute(Tuple.of(productId, beforeId, limit))
        .map(Rows::list);
  }

  /** How many reviews gave each rating, 1 to 5. */
  public Future<JsonObject> histogram(SqlClient client, long productId) {
    return client
        .preparedQuery(HISTOGRAM)
        .execute(Tuple.of(productId))
        .map(
            rows -> {
              JsonObject histogram = new JsonObject();
              for (int stars = 1; stars <= 5; stars++) {
                histogram.put(Integer.toString(stars), 0L);
              }
              for (Row row : rows) {
                histogram.put(row.getInteger("rating").toString(), row.getLong("reviews"));
              }
              return histogram;
            });
  }

  private static Future<Boolean> eligible(SqlClient connection, long productId, long buyerId) {
    return connection
        .preparedQuery(
            "SELECT EXISTS (SELECT 1 FROM orders o JOIN order_items i ON i.order_id = o.id"
                + " WHERE o.buyer_id = $1 AND i.product_id = $2"
                + " AND o.status IN ('delivered', 'completed'))")
        .execute(Tuple.of(buyerId, productId))
        .map(rows -> rows.iterator().next().getBoolean(0));
  }

  private static Future<Integer> previousRating(
      SqlClient connection, long productId, long buyerId) {
    return connection
        .preparedQuery("SELECT rating FROM product_reviews WHERE product_id = $1 AND buyer_id = $2")
        .mapping(row -> row.getInteger(0))
        .execute(Tuple.of(productId, buyerId))
        .map(rows -> Rows.first(rows).orElse(null));
  }

  private static Future<Review> upsert(
      SqlClient connection, long productId, long buyerId, int rating, String comment) {
    return connection
        .preparedQuery(
            "WITH r AS (INSERT INTO product_reviews (product_id, buyer_id, rating, comment)"
                + " VALUES ($1, $2, $3, $4)"
                + " ON CONFLICT (product_id, buyer_id) DO UPDATE SET rating = EXCLUDED.rating,"
                + " comment = EXCLUDED.comment, updated_at = now() RETURNING *)"
                + " SELECT "
                + Review.COLUMNS
                + " FROM r JOIN users b ON b.id = r.buyer_id")
        .execute(Tuple.of(productId, buyerId, rating, comment))
        .map(rows -> Review.fromRow(rows.iterator().next()));
  }

  private static Future<Void> adjustSummary(
      SqlClient connection, long productId, int rating, Integer previous) {
    int sumDelta = rating - (previous == null ? 0 : previous);
    int countDelta = previous == null ? 1 : 0;
    return connection
        .preparedQuery(
            "UPDATE products SET rating_sum = rating_sum + $2, rating_count = rating_count + $3,"
                + " rating_avg = round((rating_sum + $2)::numeric / (rating_count + $3), 2)"
                + " WHERE id = $1")
        .execute(Tuple.of(productId, sumDelta, countDelta))
        .mapEmpty();
  }

  /** A review as written, and whether it is new (rather than an edit). */
  public record Written(Review review, boolean created) {}
}
