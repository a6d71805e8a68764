package dev.marketplace.order.analytics;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

/**
 * Recomputes the whole sales rollup from the orders, for an operator who has reason to doubt it (a
 * hand-made fix of orders, a restored backup, a bug): {@code java -jar marketplace.jar
 * rebuild-sales-rollup}. It applies {@link SalesRollup}'s SQL to every captured and every cancelled
 * order, so it computes exactly what the live updates did.
 *
 * <p>Safe while the service runs: one transaction locks the rollup's tables against writes (reports
 * keep reading the old figures until it commits; captures and cancellations wait for it), empties
 * them and refills them from one snapshot of the orders. A capture that was waiting adds its sale
 * to the refilled tables afterwards, since the snapshot did not include it.
 */
public final class RebuildSalesRollup {

  static final String TABLES =
      "sales_quarter_hours, seller_buyer_purchases, product_sales_quarter_hours,"
          + " product_sales_days, seller_sales_totals";

  private static final String REFILL =
      "WITH "
          + SalesRollup.ctes(
              "(SELECT * FROM orders WHERE paid_at IS NOT NULL)",
              "(SELECT * FROM orders WHERE status = 'cancelled')")
          + " SELECT count(DISTINCT seller_id) AS sellers FROM totals_delta";

  /** How many sellers' figures were rebuilt: those with any captured or cancelled order. */
  public Future<Long> run(Pool pool) {
    return pool.withTransaction(this::refill)
        // Marks the new rows visible to index-only scans and gives the planner fresh statistics.
        .compose(sellers -> pool.query("VACUUM (ANALYZE) " + TABLES).execute().map(sellers));
  }

  private Future<Long> refill(SqlConnection tx) {
    // Before the first query, which takes the snapshot every later statement sees.
    return tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        .execute()
        .compose(set -> tx.query("LOCK TABLE " + TABLES + " IN EXCLUSIVE MODE").execute())
        .compose(locked -> deleteAll(tx))
        .compose(emptied -> tx.query(REFILL).execute())
        .map(rows -> rows.iterator().next().getLong("sellers"));
  }

  private static Future<Void> deleteAll(SqlConnection tx) {
    Future<?> chain = Future.succeededFuture();
    for (String table : TABLES.split(",")) {
      chain = chain.compose(done -> tx.query("DELETE FROM " + table.strip()).execute());
    }
    return chain.mapEmpty();
  }
}
