package dev.marketplace.order;

import dev.marketplace.common.db.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;

/**
 * The stock of products as orders take it and give it back. The stock lives in {@code
 * product_stock} (the catalog's table, one narrow row per product: {@code inventory} and {@code
 * units_sold}), not in {@code products}: those two counters change with every order, and on the
 * wide, heavily indexed product row each change rewrote every index, the search indexes included.
 * The stock must change together with the orders, so these statements run inside the order's
 * statement or transaction; they are every place where the order module writes it.
 *
 * <p>Locks are taken in one order everywhere, so that no two statements wait for each other: a
 * product row before its stock row, and several rows of a table by product id. Orders read their
 * products with a share lock ({@link OrderRepository#PLACE_ORDER} says why); sellers' changes lock
 * the product row, then the stock row.
 */
public final class StockRepository {

  /**
   * The body of a CTE that takes $3 units from the stock of the product in CTE {@code p}, only if
   * that many are left. Waiting for a concurrent order's lock on the row, PostgreSQL checks the
   * condition again on the row as that order left it, so no interleaving can oversell.
   */
  static final String TAKE_STOCK =
      "UPDATE product_stock SET inventory = inventory - $3, units_sold = units_sold + $3"
          + " WHERE product_id = (SELECT id FROM p) AND inventory >= $3 RETURNING product_id";

  /**
   * A CTE that gives every line of the orders in CTE {@code o} that are now cancelled back to the
   * stock; lines of several orders on one product are summed first, as an UPDATE changes each row
   * once. The rows are locked in product order first ({@code returned}), as a checkout locks them.
   */
  static final String RETURN_STOCK_OF_CANCELLED =
      " returned AS (SELECT k.product_id, q.quantity FROM product_stock k"
          + " JOIN (SELECT i.product_id, sum(i.quantity) AS quantity FROM order_items i"
          + " JOIN o ON o.id = i.order_id WHERE o.status = 'cancelled' GROUP BY i.product_id) q"
          + " ON q.product_id = k.product_id ORDER BY k.product_id FOR NO KEY UPDATE OF k),"
          + " r AS (UPDATE product_stock SET inventory = product_stock.inventory + returned.quantity,"
          + " units_sold = product_stock.units_sold - returned.quantity"
          + " FROM returned WHERE product_stock.product_id = returned.product_id),";

  /**
   * Takes the stock of every line of a checkout, or none. The products are share-locked in id order
   * (as a single order locks its product, so that a concurrent change of one comes before or after
   * the whole checkout), then the stock rows, in id order as well, so that checkouts over
   * overlapping products queue behind each other instead of deadlocking. Returns the lines as taken
   * (with seller and price), or fewer than asked when some product is inactive, unknown or short,
   * in which case the caller must roll back.
   */
  public Future<List<CheckoutLine>> take(SqlClient tx, List<CheckoutLine> lines) {
    Long[] products = lines.stream().map(CheckoutLine::productId).toArray(Long[]::new);
    Integer[] quantities = lines.stream().map(CheckoutLine::quantity).toArray(Integer[]::new);
    return tx.preparedQuery("SELECT id FROM products WHERE id = ANY($1) ORDER BY id FOR SHARE")
        .execute(Tuple.tuple().addValue(products))
        .compose(
            locked ->
                tx.preparedQuery(
                        "WITH locked AS (SELECT product_id FROM product_stock"
                            + " WHERE product_id = ANY($1) ORDER BY product_id FOR NO KEY UPDATE)"
                            + " UPDATE product_stock s SET inventory = s.inventory - l.quantity,"
                            + " units_sold = s.units_sold + l.quantity"
                            + " FROM locked, unnest($1::bigint[], $2::int[]) AS l(product_id, quantity),"
                            + " products p"
                            + " WHERE s.product_id = locked.product_id"
                            + " AND l.product_id = locked.product_id AND p.id = locked.product_id"
                            + " AND p.is_active AND s.inventory >= l.quantity"
                            + " RETURNING p.id, p.seller_id, p.price, l.quantity")
                    .mapping(
                        row ->
                            new CheckoutLine(
                                row.getLong("id"),
                                row.getInteger("quantity"),
                                row.getLong("seller_id"),
                                row.getBigDecimal("price")))
                    .execute(Tuple.tuple().addValue(products).addValue(quantities)))
        .map(Rows::list);
  }

  /**
   * The stock of a product if it is active; read after a refusal, only to explain it. Inside a
   * transaction, pass its connection: asking the pool for a second one while holding the first can
   * exhaust the pool under load and stall every transaction.
   */
  public Future<Optional<Integer>> activeInventory(SqlClient client, long productId) {
    return client
        .preparedQuery(
            "SELECT s.inventory FROM products p JOIN product_stock s ON s.product_id = p.id"
                + " WHERE p.id = $1 AND p.is_active")
        .mapping((Row row) -> row.getInteger("inventory"))
        .execute(Tuple.of(productId))
        .map(Rows::first);
  }
}
