package dev.marketplace.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A seller's analytics for one period (docs/analytics.md defines every figure): totals against the
 * previous period, a series of buckets, best sellers, low stock and the order pipeline.
 */
public record SalesReport(
    long sellerId,
    LocalDate from,
    LocalDate to,
    ReportQuery.Granularity granularity,
    String tz,
    int lowStockBelow,
    Figures totals,
    Previous previous,
    List<Bucket> series,
    List<TopProduct> topProducts,
    List<LowStock> lowStock,
    Pipeline pipeline) {

  /** The figures of a period; ratios are null where there is nothing to divide by. */
  public record Figures(
      BigDecimal grossSales,
      BigDecimal refunds,
      BigDecimal netSales,
      long orders,
      long units,
      BigDecimal averageOrderValue,
      BigDecimal cancellationRate,
      long buyers,
      BigDecimal repeatBuyerShare) {}

  /**
   * The previous period's figures, its days, and each figure's change in percent (null where the
   * earlier figure is 0 or null), by the figure's name in {@link Figures}' JSON.
   */
  public record Previous(
      LocalDate from,
      LocalDate to,
      BigDecimal grossSales,
      BigDecimal refunds,
      BigDecimal netSales,
      long orders,
      long units,
      BigDecimal averageOrderValue,
      BigDecimal cancellationRate,
      long buyers,
      BigDecimal repeatBuyerShare,
      Map<String, BigDecimal> changePct) {

    public Figures figures() {
      return new Figures(
          grossSales,
          refunds,
          netSales,
          orders,
          units,
          averageOrderValue,
          cancellationRate,
          buyers,
          repeatBuyerShare);
    }
  }

  /** One day, ISO week or month of the period (the bucket's first day, even before the period). */
  public record Bucket(
      LocalDate periodStart, BigDecimal grossSales, BigDecimal netSales, long orders, long units) {}

  public record TopProduct(
      long productId,
      String name,
      BigDecimal netSales,
      long units,
      BigDecimal ratingAverage,
      int ratingCount) {}

  /** A product at or below the threshold; {@code daysOfCover} null when none sold. */
  public record LowStock(long productId, String name, int inventory, BigDecimal daysOfCover) {}

  /** The seller's orders by their status now. */
  public record Pipeline(
      long pending,
      long processing,
      long shipped,
      long delivered,
      long completed,
      long cancelled,
      @JsonProperty("awaiting_shipment_over_48h") long awaitingShipmentOver48h) {}
}
