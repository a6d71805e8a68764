package dev.marketplace.order.analytics;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a seller sold in one period, as summed from the rollup (docs/analytics.md defines each
 * figure), and the figures derived from it. Ratios with nothing to divide by are null.
 *
 * @param grossSales totals of the orders captured in the period
 * @param refunds totals of paid orders cancelled in the period
 * @param orders orders captured in the period
 * @param units units of those orders
 * @param placed orders placed in the period
 * @param cancelled of those, the ones cancelled since
 * @param buyers buyers with an order captured in the period
 * @param repeatBuyers of those, the ones with two or more
 */
public record PeriodSales(
    BigDecimal grossSales,
    BigDecimal refunds,
    long orders,
    long units,
    long placed,
    long cancelled,
    long buyers,
    long repeatBuyers) {

  /** The additive figures summed over {@code buckets}, with the counts that are not additive. */
  static PeriodSales of(
      List<SalesReport.BucketSales> buckets,
      long placed,
      long cancelled,
      long buyers,
      long repeatBuyers) {
    BigDecimal gross = BigDecimal.ZERO;
    BigDecimal refunds = BigDecimal.ZERO;
    long orders = 0;
    long units = 0;
    for (SalesReport.BucketSales bucket : buckets) {
      gross = gross.add(bucket.grossSales());
      refunds = refunds.add(bucket.refunds());
      orders += bucket.orders();
      units += bucket.units();
    }
    return new PeriodSales(gross, refunds, orders, units, placed, cancelled, buyers, repeatBuyers);
  }

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** Money to the cent; ratios to four decimals; percentages to two; all rounded half up. */
  private static final int MONEY = 2;

  private static final int RATIO = 4;

  /** Exact enough for any quotient of our figures before it is rounded for display. */
  private static final MathContext EXACT = MathContext.DECIMAL128;

  public BigDecimal netSales() {
    return grossSales.subtract(refunds);
  }

  /**
   * Every figure by its name in the report, in the report's order, unrounded; null if undefined.
   */
  private Map<String, BigDecimal> figures() {
    Map<String, BigDecimal> figures = new LinkedHashMap<>();
    figures.put("gross_sales", grossSales);
    figures.put("refunds", refunds);
    figures.put("net_sales", netSales());
    figures.put("orders", BigDecimal.valueOf(orders));
    figures.put("units", BigDecimal.valueOf(units));
    // Gross sales over orders: what an order was worth when it was paid.
    figures.put("average_order_value", quotient(grossSales, orders));
    figures.put("cancellation_rate", quotient(BigDecimal.valueOf(cancelled), placed));
    figures.put("buyers", BigDecimal.valueOf(buyers));
    figures.put("repeat_buyer_share", quotient(BigDecimal.valueOf(repeatBuyers), buyers));
    return figures;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    figures().forEach((name, value) -> json.put(name, rounded(name, value)));
    return json;
  }

  /**
   * How each figure changed against {@code before}, in percent of the earlier figure's size (so a
   * rise from -50.00 to -25.00 is +50%), from the unrounded figures; null where the earlier figure
   * is 0 or undefined.
   */
  public JsonObject changeSince(PeriodSales before) {
    Map<String, BigDecimal> then = before.figures();
    JsonObject change = new JsonObject();
    figures().forEach((name, now) -> change.put(name, percentChange(now, then.get(name))));
    return change;
  }

  static BigDecimal money(BigDecimal amount) {
    return amount.setScale(MONEY, RoundingMode.HALF_UP);
  }

  /** A figure as the report shows it: counts whole, money to the cent, ratios to 4 decimals. */
  private Object rounded(String name, BigDecimal value) {
    if (value == null) {
      return null;
    }
    return switch (name) {
      case "orders", "units", "buyers" -> value.longValueExact();
      case "cancellation_rate", "repeat_buyer_share" -> value.setScale(RATIO, RoundingMode.HALF_UP);
      default -> money(value);
    };
  }

  private static BigDecimal quotient(BigDecimal part, long whole) {
    return whole == 0 ? null : part.divide(BigDecimal.valueOf(whole), EXACT);
  }

  private static BigDecimal percentChange(BigDecimal now, BigDecimal then) {
    if (now == null || then == null || then.signum() == 0) {
      return null;
    }
    return now.subtract(then)
        .multiply(HUNDRED)
        .divide(then.abs(), EXACT)
        .setScale(MONEY, RoundingMode.HALF_UP);
  }
}
