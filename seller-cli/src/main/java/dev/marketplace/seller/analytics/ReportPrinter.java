package dev.marketplace.seller.analytics;

import dev.marketplace.client.model.ReportQuery.Granularity;
import dev.marketplace.client.model.SalesReport;
import dev.marketplace.client.model.SalesReport.Bucket;
import dev.marketplace.client.model.SalesReport.Figures;
import dev.marketplace.client.model.SalesReport.LowStock;
import dev.marketplace.client.model.SalesReport.Pipeline;
import dev.marketplace.client.model.SalesReport.TopProduct;
import dev.marketplace.seller.output.Display;
import dev.marketplace.seller.output.ListPrinter;
import dev.marketplace.seller.output.OutputFormat;
import dev.marketplace.seller.output.Styles;
import dev.marketplace.seller.output.Styles.Style;
import dev.marketplace.seller.output.Table;
import dev.marketplace.seller.output.Table.Cell;
import dev.marketplace.seller.output.Table.Column;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A report for people: the totals against the previous period, a bar chart of net sales per bucket,
 * the top products, the low-stock list and the orders in the pipeline.
 */
final class ReportPrinter {

  /** Cells of the chart's longest bar. */
  static final int CHART_WIDTH = 40;

  private static final String NONE = "-";

  private final PrintWriter out;
  private final Styles styles;
  private final boolean ascii;

  ReportPrinter(PrintWriter out, Styles styles, boolean ascii) {
    this.out = out;
    this.styles = styles;
    this.ascii = ascii;
  }

  void print(SalesReport report) {
    out.println(
        styles.apply(
            Style.HEADER,
            "Sales "
                + report.from()
                + " to "
                + report.to()
                + " ("
                + report.tz()
                + "), against "
                + report.previous().from()
                + " to "
                + report.previous().to()));
    out.println();
    totals(report.totals(), report.previous().figures(), report.previous().changePct());
    out.println();
    out.println(styles.apply(Style.HEADER, "Net sales by " + report.granularity().wireName()));
    chart(report);
    out.println();
    out.println(styles.apply(Style.HEADER, "Top products"));
    topProducts(report.topProducts());
    out.println();
    out.println(
        styles.apply(Style.HEADER, "Low stock (" + report.lowStockBelow() + " or fewer, on sale)"));
    lowStock(report.lowStock(), report.lowStockBelow());
    out.println();
    out.println(styles.apply(Style.HEADER, "Orders now"));
    out.println(pipeline(report.pipeline()));
    out.flush();
  }

  private void totals(Figures now, Figures before, Map<String, BigDecimal> change) {
    Table table =
        new Table(
            List.of(
                Column.left(""),
                Column.right("THIS PERIOD"),
                Column.right("PREVIOUS"),
                Column.right("CHANGE")));
    row(table, "Gross sales", now, before, change, "gross_sales", f -> money(f.grossSales()));
    row(table, "Refunds", now, before, change, "refunds", f -> money(f.refunds()));
    row(table, "Net sales", now, before, change, "net_sales", f -> money(f.netSales()));
    row(table, "Orders", now, before, change, "orders", f -> Long.toString(f.orders()));
    row(table, "Units", now, before, change, "units", f -> Long.toString(f.units()));
    row(
        table,
        "Average order",
        now,
        before,
        change,
        "average_order_value",
        f -> money(f.averageOrderValue()));
    row(
        table,
        "Cancellation rate",
        now,
        before,
        change,
        "cancellation_rate",
        f -> percent(f.cancellationRate()));
    row(table, "Buyers", now, before, change, "buyers", f -> Long.toString(f.buyers()));
    row(
        table,
        "Repeat buyers",
        now,
        before,
        change,
        "repeat_buyer_share",
        f -> percent(f.repeatBuyerShare()));
    table.print(out, styles);
  }

  private void row(
      Table table,
      String name,
      Figures now,
      Figures before,
      Map<String, BigDecimal> changes,
      String figure,
      Function<Figures, String> shown) {
    BigDecimal change = changes.get(figure);
    // Refunds and cancellations going up is bad news; everything else going up is good.
    boolean upIsBad = figure.equals("refunds") || figure.equals("cancellation_rate");
    Style look =
        change == null || change.signum() == 0
            ? Style.PLAIN
            : (change.signum() > 0) != upIsBad ? Style.GOOD : Style.BAD;
    table.add(
        List.of(
            Cell.of(name),
            Cell.of(shown.apply(now)),
            Cell.styled(shown.apply(before), Style.QUIET),
            Cell.styled(change(change), look)));
  }

  private void chart(SalesReport report) {
    if (report.series().isEmpty()) {
      out.println("No days in this period.");
      return;
    }
    boolean months = report.granularity() == Granularity.MONTH;
    List<BarChart.Bar> bars =
        report.series().stream()
            .map(
                (Bucket bucket) ->
                    new BarChart.Bar(
                        months
                            ? bucket.periodStart().toString().substring(0, 7)
                            : bucket.periodStart().toString(),
                        bucket.netSales(),
                        money(bucket.netSales())))
            .toList();
    new BarChart(CHART_WIDTH, ascii).lines(bars, styles).forEach(out::println);
  }

  private void topProducts(List<TopProduct> products) {
    new ListPrinter<TopProduct>()
        .whenEmpty("Nothing sold in this period.")
        .text("ID", "product_id", TopProduct::productId)
        .text("NAME", "name", TopProduct::name)
        .number("NET SALES", "net_sales", p -> money(p.netSales()), TopProduct::netSales)
        .number("UNITS", "units", p -> Long.toString(p.units()), TopProduct::units)
        .number(
            "RATING",
            "rating_average",
            p ->
                p.ratingCount() == 0
                    ? NONE
                    : p.ratingAverage().setScale(2, RoundingMode.HALF_UP)
                        + " ("
                        + p.ratingCount()
                        + ")",
            TopProduct::ratingAverage)
        .print(products, OutputFormat.TABLE, out, styles);
  }

  private void lowStock(List<LowStock> products, int threshold) {
    new ListPrinter<LowStock>()
        .whenEmpty("Nothing on sale has " + threshold + " or fewer in stock.")
        .text("ID", "product_id", LowStock::productId)
        .text("NAME", "name", LowStock::name)
        .add(
            Column.right("STOCK"),
            "inventory",
            p -> Integer.toString(p.inventory()),
            LowStock::inventory,
            p -> p.inventory() == 0 ? Style.BAD : Style.WARNING)
        .number(
            "DAYS OF COVER",
            "days_of_cover",
            p -> p.daysOfCover() == null ? "not selling" : p.daysOfCover().toPlainString(),
            LowStock::daysOfCover)
        .print(products, OutputFormat.TABLE, out, styles);
  }

  private String pipeline(Pipeline pipeline) {
    String waiting =
        pipeline.awaitingShipmentOver48h() == 0
            ? ""
            : styles.apply(
                Style.WARNING,
                " (" + pipeline.awaitingShipmentOver48h() + " paid over 48 h ago, not shipped)");
    return pipeline.pending()
        + " pending, "
        + pipeline.processing()
        + " to ship"
        + waiting
        + ", "
        + pipeline.shipped()
        + " shipped, "
        + pipeline.delivered()
        + " delivered, "
        + pipeline.completed()
        + " completed, "
        + pipeline.cancelled()
        + " cancelled";
  }

  private static String money(BigDecimal amount) {
    return amount == null ? NONE : Display.money(amount);
  }

  /** A share as a percentage with one decimal: {@code 0.3333} is {@code 33.3%}. */
  private static String percent(BigDecimal share) {
    return share == null
        ? NONE
        : share.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  /** A change with its sign and one decimal: {@code +12.5%}; {@code -} where there is none. */
  private static String change(BigDecimal percent) {
    if (percent == null) {
      return NONE;
    }
    BigDecimal shown = percent.setScale(1, RoundingMode.HALF_UP);
    return (shown.signum() > 0 ? "+" : "") + shown.toPlainString() + "%";
  }
}
