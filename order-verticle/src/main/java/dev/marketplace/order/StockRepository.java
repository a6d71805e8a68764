package dev.marketplace.order;

import dev.marketplace.common.db.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;

/**
 * The stock of products as orders take it and give it back. The stock lives in {@code products}, a
 * table the catalog owns: it must change together with the orders, so these statements run inside
 * the order's statement or transaction. Together with the stock step of {@link
 * OrderRepository#PLACE_ORDER}, they are every place where the order module writes {@code
 * products}.
 */
public final class StockRepository {

  /**
   * A CTE that gives every line of the orders in CTE {@code o} that are now cancelled back to the
   * stock; lines of several orders on one product are summed first, as an UPDATE changes each row
   * once.
   */
  static final String RETURN_STOCK_OF_CANCELLED =
      " r AS (UPDATE products SET inventory = products.inventory + s.quantity,"
          + " units_sold = products.units_sold - s.quantity, updated_at = now()"
          + " FROM (SELECT i.product_id, sum(i.quantity) AS quantity FROM order_items i"
          + " JOIN o ON o.id = i.order_id WHERE o.status = 'cancelled' GROUP BY i.product_id) s"
          + " WHERE products.id = s.product_id),";

  /**
   * Takes the stock of every line of a checkout, or none: rows are locked in product order, so
   * checkouts over overlapping products queue behind each other instead of deadlocking. Returns the
   * lines as taken (with seller and price), or fewer than asked when some product is inactive,
   * unknown or short, in which case the caller must roll back.
   */
  public Future<List<CheckoutLine>> take(SqlClient tx, List<CheckoutLine> lines) {
    Long[] products = lines.stream().map(CheckoutLine::productId).toArray(Long[]::new);
    Integer[] quantities = lines.stream().map(CheckoutLine::quantity).toArray(Integer[]::new);
    return tx.preparedQuery("SELECT id FROM products WHERE id = ANY($1) ORDER BY id FOR UPDATE")
        .execute(Tuple.tuple().addValue(products))
        .compose(
            locked ->
                tx.preparedQuery(
                        "UPDATE products p SET inventory = p.inventory - l.quantity,"
                            + " units_sold = p.units_sold + l.quantity, updated_at = now()"
                            + " FROM unnest($1::bigint[], $2::int[]) AS l(product_id, quantity)"
                            + " WHERE p.id = l.product_id AND p.is_active"
                            + " AND p.inventory >= l.quantity"
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
        .preparedQuery("SELECT inventory FROM products WHERE id = $1 AND is_active")
        .mapping((Row row) -> row.getInteger("inventory"))
        .execute(Tuple.of(productId))
        .map(Rows::first);
  }
}
