package dev.marketplace.order.analytics;

/**
 * What each event adds to the sales rollup that seller analytics read (docs/analytics.md defines
 * every figure), as SQL to splice into the very statement that makes the event, so that an order
 * and its figures change together or not at all: the capture statement in {@code OrderPayments},
 * the cancel and expiry statements in {@code OrderRepository}. {@link RebuildSalesRollup} runs the
 * same SQL over every order, which is what makes a rebuild agree with the live rollup.
 *
 * <p>An event is the order row as its statement left it (from a CTE or a subquery):
 *
 * <ul>
 *   <li>a <b>capture</b> (the order has {@code paid_at}): its total is gross sales, it is one order
 *       and its lines' quantities are units, all at {@code paid_at}; its buyer bought once then;
 *       and it counts as placed, at {@code created_at}.
 *   <li>a <b>cancellation</b> (status {@code cancelled}): it counts as cancelled at {@code
 *       created_at}, and as placed too if it was never paid (a paid one was counted at capture); if
 *       it was paid, its total is refunded at {@code cancelled_at}.
 * </ul>
 *
 * <p>Rows are written in key order, table after table in one fixed order, so that concurrent events
 * of one seller queue on their shared rows instead of deadlocking.
 */
public final class SalesRollup {

  /** The start of the UTC quarter hour that holds a timestamp: the rollup's grain. */
  static String quarterHour(String timestamp) {
    return "date_bin('15 minutes', " + timestamp + ", TIMESTAMPTZ '2000-01-01 00:00:00+00')";
  }

  /** The UTC day that holds a timestamp: the grain of the per-product daily rows. */
  static String utcDay(String timestamp) {
    return "(" + timestamp + " AT TIME ZONE 'UTC')::date";
  }

  private SalesRollup() {}

  /**
   * CTEs, comma-separated with a trailing comma, that add the capture of every order in {@code
   * captured} (a CTE of updated orders, {@code RETURNING *}) to the rollup.
   */
  public static String recordCaptures(String captured) {
    return ctes(captured, "(SELECT * FROM orders WHERE false)") + ",";
  }

  /**
   * CTEs, comma-separated with a trailing comma, that add every order of {@code changed} (a CTE of
   * updated orders, {@code RETURNING *}) that is now cancelled to the rollup.
   */
  public static String recordCancellations(String changed) {
    return ctes("(SELECT * FROM orders WHERE false)", changed) + ",";
  }

  /**
   * The CTEs that add the captures of {@code captured} and the cancellations among {@code changed}
   * to the rollup; both are relations with the columns of {@code orders}.
   */
  static String ctes(String captured, String changed) {
    String cancelled = "(SELECT * FROM " + changed + " x WHERE x.status = 'cancelled')";
    String refunded = "(SELECT * FROM " + cancelled + " y WHERE y.paid_at IS NOT NULL)";
    // Orders cancelled by hand, outside the service, may lack cancelled_at.
    String refundedAt = "coalesce(r.cancelled_at, r.updated_at)";
    return " sales_delta AS ("
        + "SELECT seller_id, paid_at AS event_at, total_price AS gross_sales, 0 AS refunds, 1 AS orders,"
        + " (SELECT sum(i.quantity) FROM order_items i WHERE i.order_id = c.id) AS units,"
        + " 0 AS placed, 0 AS cancelled FROM "
        + captured
        + " c"
        + " UNION ALL SELECT seller_id, created_at, 0, 0, 0, 0, 1, 0 FROM "
        + captured
        + " c"
        + " UNION ALL SELECT seller_id, "
        + refundedAt
        + ", 0, total_price, 0, 0, 0, 0 FROM "
        + refunded
        + " r"
        + " UNION ALL SELECT seller_id, created_at, 0, 0, 0, 0,"
        + " CASE WHEN paid_at IS NULL THEN 1 ELSE 0 END, 1 FROM "
        + cancelled
        + " n),"
        + " product_delta AS ("
        + "SELECT c.seller_id, i.product_id, c.paid_at AS event_at, i.line_total AS gross_sales,"
        + " 0 AS refunds, i.quantity AS units FROM "
        + captured
        + " c JOIN order_items i ON i.order_id = c.id"
        + " UNION ALL SELECT r.seller_id, i.product_id, "
        + refundedAt
        + ", 0, i.line_total, 0 FROM "
        + refunded
        + " r JOIN order_items i ON i.order_id = r.id),"
        + " totals_delta AS ("
        + "SELECT seller_id, 1 AS captured, 0 AS refunded, 0 AS cancelled FROM "
        + captured
        + " c UNION ALL SELECT seller_id, 0, CASE WHEN paid_at IS NULL THEN 0 ELSE 1 END, 1 FROM "
        + cancelled
        + " n),"
        + " sales_rollup AS (INSERT INTO sales_quarter_hours AS s"
        + " (seller_id, quarter_hour, gross_sales, refunds, orders, units, placed, cancelled)"
        + " SELECT seller_id, "
        + quarterHour("event_at")
        + ", sum(gross_sales), sum(refunds), sum(orders), sum(units), sum(placed), sum(cancelled)"
        + " FROM sales_delta GROUP BY 1, 2 ORDER BY 1, 2"
        + " ON CONFLICT (seller_id, quarter_hour) DO UPDATE SET"
        + add("gross_sales", "refunds", "orders", "units", "placed", "cancelled")
        + "),"
        + " buyer_rollup AS (INSERT INTO seller_buyer_purchases AS s"
        + " (seller_id, buyer_id, purchased_at, last_purchased_at)"
        + " SELECT seller_id, buyer_id, array_agg(paid_at ORDER BY paid_at), max(paid_at) FROM "
        + captured
        + " c GROUP BY 1, 2 ORDER BY 1, 2"
        + " ON CONFLICT (seller_id, buyer_id) DO UPDATE SET purchased_at ="
        // Captures come in time order but for those committed out of it: keep the array sorted.
        + " CASE WHEN excluded.purchased_at[1] >= s.last_purchased_at"
        + " THEN s.purchased_at || excluded.purchased_at"
        + " ELSE ARRAY(SELECT t FROM unnest(s.purchased_at || excluded.purchased_at) t ORDER BY t)"
        + " END,"
        + " last_purchased_at = greatest(s.last_purchased_at, excluded.last_purchased_at)),"
        + " product_rollup AS (INSERT INTO product_sales_quarter_hours AS s"
        + " (seller_id, quarter_hour, product_id, gross_sales, refunds, units)"
        + " SELECT seller_id, "
        + quarterHour("event_at")
        + ", product_id, sum(gross_sales), sum(refunds), sum(units)"
        + " FROM product_delta GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
        + " ON CONFLICT (seller_id, quarter_hour, product_id) DO UPDATE SET"
        + add("gross_sales", "refunds", "units")
        + "),"
        + " product_day_rollup AS (INSERT INTO product_sales_days AS s"
        + " (seller_id, day, product_id, gross_sales, refunds, units)"
        + " SELECT seller_id, "
        + utcDay("event_at")
        + ", product_id, sum(gross_sales), sum(refunds), sum(units)"
        + " FROM product_delta GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
        + " ON CONFLICT (seller_id, day, product_id) DO UPDATE SET"
        + add("gross_sales", "refunds", "units")
        + "),"
        + " totals_rollup AS (INSERT INTO seller_sales_totals AS s"
        + " (seller_id, captured, refunded, cancelled)"
        + " SELECT seller_id, sum(captured), sum(refunded), sum(cancelled)"
        + " FROM totals_delta GROUP BY 1 ORDER BY 1"
        + " ON CONFLICT (seller_id) DO UPDATE SET"
        + add("captured", "refunded", "cancelled")
        + ")";
  }

  /** {@code SET a = s.a + excluded.a, …} for an upsert into a table aliased {@code s}. */
  private static String add(String... columns) {
    StringBuilder set = new StringBuilder();
    for (String column : columns) {
      set.append(set.isEmpty() ? " " : ", ")
          .append(column)
          .append(" = s.")
          .append(column)
          .append(" + excluded.")
          .append(column);
    }
    return set.toString();
  }
}
