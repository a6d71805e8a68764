package dev.marketplace.catalog;

import dev.marketplace.common.db.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code products} table with each product's stock (its row of {@code product_stock}), joined
 * to the seller's name for display.
 */
public final class ProductRepository {

  private static final String ACTIVE_PRODUCTS =
      "SELECT " + Product.COLUMNS + " FROM " + Product.TABLES;

  /** An active product by id ($1); public so that the benchmark runs the very same SQL. */
  public static final String FIND_ACTIVE = ACTIVE_PRODUCTS + " WHERE p.id = $1 AND p.is_active";

  /**
   * Inserts a product for a seller, with its stock row in the same statement; empty when {@code
   * sellerId} is not a seller.
   */
  public Future<Optional<Product>> insert(SqlClient client, long sellerId, ProductChanges product) {
    return client
        .preparedQuery(
            "WITH u AS (SELECT id, name FROM users WHERE id = $1 AND role = 'seller'),"
                + " p AS (INSERT INTO products"
                + " (seller_id, name, category, description, price, is_active, sku)"
                + " SELECT u.id, $2, $3, $4, $5, $7, $8 FROM u RETURNING *),"
                + " s AS (INSERT INTO product_stock (product_id, inventory)"
                + " SELECT id, $6 FROM p RETURNING *)"
                + " SELECT "
                + Product.COLUMNS
                + " FROM p JOIN s ON s.product_id = p.id JOIN u ON u.id = p.seller_id")
        .mapping(Product::fromRow)
        .execute(
            Tuple.from(
                new Object[] {
                  sellerId,
                  product.name(),
                  product.category(),
                  product.description() == null ? "" : product.description(),
                  product.price(),
                  product.inventory(),
                  product.active() == null || product.active(),
                  product.sku()
                }))
        .map(Rows::first)
        .recover(
            failure ->
                Future.failedFuture(
                    SellerProductRepository.explainDuplicateSku(failure, product.sku())));
  }

  /**
   * Applies the given fields to a product of {@code sellerId}; empty when the product does not
   * exist or belongs to another seller.
   *
   * <p>{@code updated_at} moves only when a field changes: a PUT sent again answers the same
   * product, so that a retry after a lost answer is safe without an {@code Idempotency-Key}.
   *
   * <p>The product row is locked first, then its stock row, the order every statement that changes
   * both keeps. The stock row is written even when the stock is not given: that reads its latest
   * value (an order may have committed since this statement began) for the answer.
   */
  public Future<Optional<Product>> update(
      SqlClient client, long productId, long sellerId, ProductChanges changes) {
    return client
        .preparedQuery(
            "WITH p AS (UPDATE products SET"
                + " name = COALESCE($3, name), category = COALESCE($4, category),"
                + " description = COALESCE($5, description), price = COALESCE($6, price),"
                + " is_active = COALESCE($8, is_active), sku = COALESCE($9, sku),"
                + " updated_at = CASE WHEN (name, category, description, price, is_active, sku)"
                + " IS NOT DISTINCT FROM (COALESCE($3, name), COALESCE($4, category),"
                + " COALESCE($5, description), COALESCE($6, price), COALESCE($8, is_active),"
                + " COALESCE($9, sku)) AND ($7::int IS NULL"
                + " OR $7 = (SELECT inventory FROM product_stock WHERE product_id = $1))"
                + " THEN updated_at ELSE now() END"
                + " WHERE id = $1 AND seller_id = $2 RETURNING *),"
                + " s AS (UPDATE product_stock SET inventory = COALESCE($7, inventory)"
                + " WHERE product_id = (SELECT id FROM p) RETURNING *)"
                + " SELECT "
                + Product.COLUMNS
                + " FROM p JOIN s ON s.product_id = p.id JOIN users u ON u.id = p.seller_id")
        .mapping(Product::fromRow)
        .execute(
            Tuple.from(
                new Object[] {
                  productId,
                  sellerId,
                  changes.name(),
                  changes.category(),
                  changes.description(),
                  changes.price(),
                  changes.inventory(),
                  changes.active(),
                  changes.sku()
                }))
        .map(Rows::first)
        .recover(
            failure ->
                Future.failedFuture(
                    SellerProductRepository.explainDuplicateSku(failure, changes.sku())));
  }

  /** The seller of a product, if the product exists. */
  public Future<Optional<Long>> sellerOf(SqlClient client, long productId) {
    return client
        .preparedQuery("SELECT seller_id FROM products WHERE id = $1")
        .mapping(row -> row.getLong("seller_id"))
        .execute(Tuple.of(productId))
        .map(Rows::first);
  }

  /**
   * A search's statement runs on its connection's one generic plan: left to choose, PostgreSQL
   * plans a search afresh for its text on every run, and at a million products that planning took
   * 1.4 ms of the database's 1.8 ms per search. The generic plan reads the same indexes
   * (QueryPlanTest checks it). {@code SET LOCAL} ends with the transaction, so no other statement
   * on the connection is affected; the three are sent together, in one round trip.
   */
  public static final String GENERIC_PLAN =
      "BEGIN READ ONLY; SET LOCAL plan_cache_mode = force_generic_plan";

  /** One page of a browse or search, with each product's search rank. */
  public Future<Page> page(Pool pool, ProductQuery query) {
    if (!query.searching()) {
      return rows(pool, query);
    }
    return pool.withConnection(
        connection -> {
          Future<?> begin = connection.query(GENERIC_PLAN).execute();
          Future<Page> page = rows(connection, query);
          Future<?> end = connection.query("COMMIT").execute();
          return Future.join(begin, page, end).map(done -> page.result());
        });
  }

  private static Future<Page> rows(SqlClient client, ProductQuery query) {
    return client
        .preparedQuery(query.sql())
        .execute(query.parameters())
        .map(
            rows -> {
              List<Product> products = new ArrayList<>(rows.size());
              List<Double> ranks = new ArrayList<>(rows.size());
              for (Row row : rows) {
                products.add(Product.fromRow(row));
                ranks.add(row.getDouble("rank"));
              }
              return new Page(products, ranks);
            });
  }

  /** An active product by id. */
  public Future<Optional<Product>> findActive(SqlClient client, long productId) {
    return client
        .preparedQuery(FIND_ACTIVE)
        .mapping(Product::fromRow)
        .execute(Tuple.of(productId))
        .map(Rows::first);
  }

  /** Categories of active products with how many each has, by name. */
  public Future<List<Category>> categories(SqlClient client) {
    return client
        .preparedQuery(
            "SELECT min(category) AS name, count(*) AS products FROM products WHERE is_active"
                + " GROUP BY lower(category) ORDER BY lower(category)")
        .mapping(row -> new Category(row.getString("name"), row.getLong("products")))
        .execute()
        .map(Rows::list);
  }

  /** A page of products and, in the same order, their search ranks. */
  public record Page(List<Product> products, List<Double> ranks) {}

  /** A category and how many active products it has. */
  public record Category(String name, long products) {}

  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
