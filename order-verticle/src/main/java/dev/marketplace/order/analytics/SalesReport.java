package dev.marketplace.order.analytics;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** A seller's analytics for one period: what GET /api/sellers/{seller_id}/analytics answers. */
public record SalesReport(
    long sellerId,
    ReportPeriod period,
    PeriodSales current,
    PeriodSales previous,
    List<BucketSales> series,
    List<TopProduct> topProducts,
    List<LowStock> lowStock,
    Pipeline pipeline) {

  /** One bucket of the series; buckets without sales have zeros. */
  public record BucketSales(
      LocalDate periodStart, BigDecimal grossSales, BigDecimal refunds, long orders, long units) {

    /** A bucket from its row of sums; no row means no sales. */
    static BucketSales of(LocalDate periodStart, Row row) {
      if (row == null) {
        return new BucketSales(periodStart, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);
      }
      return new BucketSales(
          periodStart,
          row.getBigDecimal("gross_sales"),
          row.getBigDecimal("refunds"),
          row.getLong("orders"),
          row.getLong("units"));
    }

    JsonObject toJson() {
      return new JsonObject()
          .put("period_start", periodStart.toString())
          .put("gross_sales", PeriodSales.money(grossSales))
          .put("net_sales", PeriodSales.money(grossSales.subtract(refunds)))
          .put("orders", orders)
          .put("units", units);
    }
  }

  /** A best seller of the period, by net sales. */
  public record TopProduct(
      long productId,
      String name,
      BigDecimal netSales,
      long units,
      BigDecimal ratingAverage,
      int ratingCount) {

    /** Most net sales first; then most units, then the oldest product. */
    static final Comparator<TopProduct> ORDER =
        Comparator.comparing(TopProduct::netSales)
            .reversed()
            .thenComparing(Comparator.comparingLong(TopProduct::units).reversed())
            .thenComparingLong(TopProduct::productId);

    static TopProduct of(Row row) {
      return new TopProduct(
          row.getLong("id"),
          row.getString("name"),
          row.getBigDecimal("net_sales"),
          row.getLong("units"),
          row.getBigDecimal("rating_avg"),
          row.getInteger("rating_count"));
    }

    JsonObject toJson() {
      return new JsonObject()
          .put("product_id", productId)
          .put("name", name)
          .put("net_sales", PeriodSales.money(netSales))
          .put("units", units)
          .put("rating_average", ratingAverage)
          .put("rating_count", ratingCount);
    }
  }

  /**
   * An active product at or below the threshold, with how many days its stock lasts at the period's
   * pace (null when none sold).
   */
  public record LowStock(long productId, String name, int inventory, BigDecimal daysOfCover) {

    /** The first to run out first; unsold ones last, the emptiest of them first. */
    static final Comparator<LowStock> ORDER =
        Comparator.comparing(
                LowStock::daysOfCover, Comparator.nullsLast(Comparator.<BigDecimal>naturalOrder()))
            .thenComparingInt(LowStock::inventory)
            .thenComparingLong(LowStock::productId);

    static LowStock of(Row row) {
      return new LowStock(
          row.getLong("id"),
          row.getString("name"),
          row.getInteger("inventory"),
          row.getBigDecimal("days_of_cover"));
    }

    JsonObject toJson() {
      return new JsonObject()
          .put("product_id", productId)
          .put("name", name)
          .put("inventory", inventory)
          .put("days_of_cover", daysOfCover);
    }
  }

  /** The seller's orders by where they are now, whenever placed. */
  public record Pipeline(
      long pending,
      long processing,
      long shipped,
      long delivered,
      long completed,
      long cancelled,
      long awaitingShipmentOver48h) {

    static Pipeline of(Row row) {
      long processing = row.getLong("processing");
      long shipped = row.getLong("shipped");
      long delivered = row.getLong("delivered");
      long captured = orZero(row.getLong("captured"));
      long refunded = orZero(row.getLong("refunded"));
      return new Pipeline(
          row.getLong("pending"),
          processing,
          shipped,
          delivered,
          // Every captured order is on its way, completed, or was cancelled and refunded.
          captured - refunded - processing - shipped - delivered,
          orZero(row.getLong("cancelled")),
          row.getLong("overdue"));
    }

    private static long orZero(Long value) {
      return value == null ? 0 : value;
    }

    JsonObject toJson() {
      return new JsonObject()
          .put("pending", pending)
          .put("processing", processing)
          .put("shipped", shipped)
          .put("delivered", delivered)
          .put("completed", completed)
          .put("cancelled", cancelled)
          .put("awaiting_shipment_over_48h", awaitingShipmentOver48h);
    }
  }

  public JsonObject toJson() {
    JsonObject before =
        previous
            .toJson()
            .put("from", period.previousFrom().toString())
            .put("to", period.previousTo().toString())
            .put("change_pct", current.changeSince(previous));
    return new JsonObject()
        .put("seller_id", sellerId)
        .put("from", period.from().toString())
        .put("to", period.to().toString())
        .put("granularity", period.granularity().parameter())
        .put("tz", period.zone().getId())
        .put("low_stock_below", period.lowStockThreshold())
        .put("totals", current.toJson())
        .put("previous", before)
        .put("series", array(series.stream().map(BucketSales::toJson).toList()))
        .put("top_products", array(topProducts.stream().map(TopProduct::toJson).toList()))
        .put("low_stock", array(lowStock.stream().map(LowStock::toJson).toList()))
        .put("pipeline", pipeline.toJson());
  }

  private static JsonArray array(List<JsonObject> items) {
    return new JsonArray(List.copyOf(items));
  }
}
