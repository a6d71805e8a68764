package dev.marketplace.order.analytics;

import dev.marketplace.order.analytics.SalesReport.BucketSales;
import dev.marketplace.order.analytics.SalesReport.LowStock;
import dev.marketplace.order.analytics.SalesReport.Pipeline;
import dev.marketplace.order.analytics.SalesReport.TopProduct;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a seller's report from the sales rollup, the seller's pending orders and products, in one
 * read-only transaction that sees a single snapshot: a capture committing meanwhile is in every
 * figure or in none. The statements run pipelined on that transaction's connection.
 *
 * <p>Every instant it is given is a quarter-hour edge (see {@link SalesRollup}), so sums of rollup
 * rows are exact for any time zone. Product names, ratings and stock are read from {@code products}
 * and {@code product_stock}, tables the catalog owns: read-only.
 */
public final class SalesReportRepository {

  /** Bucket 1 is the previous period; bucket k + 2 is the period's bucket k. */
  static final String SERIES =
      "SELECT width_bucket(quarter_hour, $2::timestamptz[]) AS bucket,"
          + " sum(gross_sales) AS gross_sales, sum(refunds) AS refunds, sum(orders) AS orders,"
          + " sum(units) AS units, sum(placed) AS placed, sum(cancelled) AS cancelled"
          + " FROM sales_quarter_hours"
          + " WHERE seller_id = $1 AND quarter_hour >= $3 AND quarter_hour < $4 GROUP BY 1";

  /**
   * Buyers, and repeat buyers, of the previous period [$2, $3) and of the period [$3, $4): for each
   * buyer who bought since $2, how many of their capture times fall in each, by binary search
   * (width_bucket counts the times at or before a bound, so at or before a bound's last microsecond
   * means before it).
   */
  static final String BUYERS =
      "SELECT count(*) FILTER (WHERE current > 0) AS buyers,"
          + " count(*) FILTER (WHERE current > 1) AS repeat_buyers,"
          + " count(*) FILTER (WHERE previous > 0) AS previous_buyers,"
          + " count(*) FILTER (WHERE previous > 1) AS previous_repeat_buyers"
          + " FROM (SELECT w.before_end - w.before_start AS current,"
          + " w.before_start - w.before_previous AS previous"
          + " FROM seller_buyer_purchases b, LATERAL (SELECT"
          + " width_bucket($2::timestamptz - interval '1 microsecond', b.purchased_at) AS before_previous,"
          + " width_bucket($3::timestamptz - interval '1 microsecond', b.purchased_at) AS before_start,"
          + " width_bucket($4::timestamptz - interval '1 microsecond', b.purchased_at) AS before_end) w"
          + " WHERE b.seller_id = $1 AND b.last_purchased_at >= $2) counts";

  /**
   * Net sales and units per product in the period: whole UTC days [$2, $3) from the daily rows, the
   * partial days at either edge, [$4, $5) and [$6, $7), from the quarter-hour rows. Then the top
   * ten, and the active products at or below $8 in stock, the first to run out first ($9 is the
   * period's length in days).
   */
  static final String PRODUCTS =
      "WITH sold AS (SELECT product_id, sum(gross_sales) - sum(refunds) AS net_sales,"
          + " sum(units) AS units FROM ("
          + "SELECT product_id, gross_sales, refunds, units FROM product_sales_days"
          + " WHERE seller_id = $1 AND day >= $2 AND day < $3"
          + " UNION ALL SELECT product_id, gross_sales, refunds, units"
          + " FROM product_sales_quarter_hours WHERE seller_id = $1"
          + " AND (quarter_hour >= $4 AND quarter_hour < $5 OR quarter_hour >= $6 AND quarter_hour < $7)"
          + ") s GROUP BY product_id),"
          + " top AS (SELECT product_id, true AS top, NULL::numeric AS days_of_cover FROM sold"
          + " ORDER BY net_sales DESC, units DESC, product_id LIMIT 10),"
          + " low AS (SELECT p.id AS product_id, false AS top,"
          + " CASE WHEN s.units > 0 THEN round(k.inventory * $9::numeric / s.units, 2) END AS days_of_cover"
          + " FROM products p JOIN product_stock k ON k.product_id = p.id"
          + " LEFT JOIN sold s ON s.product_id = p.id"
          + " WHERE p.seller_id = $1 AND p.is_active AND k.inventory <= $8"
          + " ORDER BY days_of_cover NULLS LAST, k.inventory, p.id LIMIT 100)"
          + " SELECT l.top, p.id, p.name, k.inventory, p.rating_avg, p.rating_count,"
          + " coalesce(s.net_sales, 0) AS net_sales, coalesce(s.units, 0) AS units, l.days_of_cover"
          + " FROM (SELECT * FROM top UNION ALL SELECT * FROM low) l"
          + " JOIN products p ON p.id = l.product_id JOIN product_stock k ON k.product_id = p.id"
          + " LEFT JOIN sold s ON s.product_id = p.id";

  /**
   * Orders by status now (completed ones are derived from the all-time totals), processing ones
   * paid before $2, and pending ones placed in the previous period [$3, $4) and in the period [$4,
   * $5): the rollup counts an order as placed only once it leaves pending.
   */
  static final String PIPELINE =
      "SELECT (SELECT count(*) FROM orders WHERE seller_id = $1 AND status = 'pending') AS pending,"
          + " (SELECT count(*) FROM orders WHERE seller_id = $1 AND status = 'processing')"
          + " AS processing,"
          + " (SELECT count(*) FROM orders WHERE seller_id = $1 AND status = 'shipped') AS shipped,"
          + " (SELECT count(*) FROM orders WHERE seller_id = $1 AND status = 'delivered')"
          + " AS delivered,"
          + " (SELECT count(*) FROM orders WHERE seller_id = $1 AND status = 'processing'"
          + " AND paid_at < $2) AS overdue,"
          + " (SELECT count(*) FROM orders WHERE seller_id = $1 AND status = 'pending'"
          + " AND created_at >= $3 AND created_at < $4) AS previous_pending,"
          + " (SELECT count(*) FROM orders WHERE seller_id = $1 AND status = 'pending'"
          + " AND created_at >= $4 AND created_at < $5) AS current_pending,"
          + " t.captured, t.refunded, t.cancelled"
          + " FROM (VALUES (1)) v LEFT JOIN seller_sales_totals t ON t.seller_id = $1";

  /** One statement of a report and the values of its parameters. */
  public record Statement(String sql, Tuple parameters) {}

  /** The report of {@code sellerId} for {@code period}; shipments are overdue if paid before. */
  public Future<SalesReport> report(
      Pool pool, long sellerId, ReportPeriod period, Instant overdueIfPaidBefore) {
    List<Statement> statements = statements(sellerId, period, overdueIfPaidBefore);
    return pool.withTransaction(
        tx ->
            tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                .execute()
                .compose(
                    snapshot -> {
                      List<Future<RowSet<Row>>> results = new ArrayList<>();
                      for (Statement statement : statements) {
                        results.add(
                            tx.preparedQuery(statement.sql()).execute(statement.parameters()));
                      }
                      return Future.all(results)
                          .map(
                              all ->
                                  assemble(
                                      sellerId,
                                      period,
                                      results.get(0).result(),
                                      first(results.get(1).result()),
                                      results.get(2).result(),
                                      first(results.get(3).result())));
                    }));
  }

  /**
   * The statements of a report: series, buyers, products, pipeline. Public so that the benchmark
   * can run the very same SQL straight against PostgreSQL.
   */
  public static List<Statement> statements(
      long sellerId, ReportPeriod period, Instant overdueIfPaidBefore) {
    return List.of(
        series(sellerId, period),
        buyers(sellerId, period),
        products(sellerId, period),
        pipeline(sellerId, period, overdueIfPaidBefore));
  }

  private static Statement series(long sellerId, ReportPeriod period) {
    List<ReportPeriod.Bucket> buckets = period.buckets();
    OffsetDateTime[] edges = new OffsetDateTime[buckets.size() + 1];
    edges[0] = utc(period.previousStart());
    for (int k = 0; k < buckets.size(); k++) {
      edges[k + 1] = utc(buckets.get(k).start());
    }
    return new Statement(
        SERIES,
        Tuple.of(sellerId)
            .addValue(edges)
            .addValue(utc(period.previousStart()))
            .addValue(utc(period.end())));
  }

  private static Statement buyers(long sellerId, ReportPeriod period) {
    return new Statement(
        BUYERS,
        Tuple.of(sellerId, utc(period.previousStart()), utc(period.start()), utc(period.end())));
  }

  private static Statement products(long sellerId, ReportPeriod period) {
    Instant start = period.start();
    Instant end = period.end();
    // Whole UTC days inside the period; none if it holds none, and then quarter hours throughout.
    LocalDate firstDay = LocalDate.ofInstant(start.minusNanos(1), ZoneOffset.UTC).plusDays(1);
    LocalDate endDay = LocalDate.ofInstant(end, ZoneOffset.UTC);
    Instant daysStart = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant daysEnd = endDay.atStartOfDay(ZoneOffset.UTC).toInstant();
    if (!firstDay.isBefore(endDay)) {
      firstDay = endDay;
      daysStart = end;
      daysEnd = end;
    }
    return new Statement(
        PRODUCTS,
        Tuple.tuple()
            .addValue(sellerId)
            .addValue(firstDay)
            .addValue(endDay)
            .addValue(utc(start))
            .addValue(utc(daysStart))
            .addValue(utc(daysEnd))
            .addValue(utc(end))
            .addValue(period.lowStockThreshold())
            .addValue(BigDecimal.valueOf(period.days())));
  }

  private static Statement pipeline(
      long sellerId, ReportPeriod period, Instant overdueIfPaidBefore) {
    return new Statement(
        PIPELINE,
        Tuple.of(
            sellerId,
            utc(overdueIfPaidBefore),
            utc(period.previousStart()),
            utc(period.start()),
            utc(period.end())));
  }

  private static SalesReport assemble(
      long sellerId,
      ReportPeriod period,
      RowSet<Row> seriesRows,
      Row buyers,
      RowSet<Row> productRows,
      Row pipeline) {
    List<ReportPeriod.Bucket> buckets = period.buckets();
    // Index 1 is the previous period, k + 2 the period's bucket k (see SERIES).
    Row[] byBucket = new Row[buckets.size() + 2];
    seriesRows.forEach(row -> byBucket[row.getInteger("bucket")] = row);
    List<BucketSales> series = new ArrayList<>(buckets.size());
    for (int k = 0; k < buckets.size(); k++) {
      series.add(BucketSales.of(buckets.get(k).periodStart(), byBucket[k + 2]));
    }
    PeriodSales current =
        PeriodSales.of(
            series,
            sum(byBucket, 2, "placed") + pipeline.getLong("current_pending"),
            sum(byBucket, 2, "cancelled"),
            buyers.getLong("buyers"),
            buyers.getLong("repeat_buyers"));
    Row before = byBucket[1];
    PeriodSales previous =
        PeriodSales.of(
            List.of(BucketSales.of(period.previousFrom(), before)),
            (before == null ? 0 : before.getLong("placed")) + pipeline.getLong("previous_pending"),
            before == null ? 0 : before.getLong("cancelled"),
            buyers.getLong("previous_buyers"),
            buyers.getLong("previous_repeat_buyers"));
    List<TopProduct> top = new ArrayList<>();
    List<LowStock> low = new ArrayList<>();
    for (Row row : productRows) {
      if (row.getBoolean("top")) {
        top.add(TopProduct.of(row));
      } else {
        low.add(LowStock.of(row));
      }
    }
    top.sort(TopProduct.ORDER);
    low.sort(LowStock.ORDER);
    return new SalesReport(
        sellerId, period, current, previous, series, top, low, Pipeline.of(pipeline));
  }

  /** The sum of a column over the period's buckets, from index {@code first} on. */
  private static long sum(Row[] byBucket, int first, String column) {
    long total = 0;
    for (int k = first; k < byBucket.length; k++) {
      if (byBucket[k] != null) {
        total += byBucket[k].getLong(column);
      }
    }
    return total;
  }

  private static Row first(RowSet<Row> rows) {
    return rows.iterator().next();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
