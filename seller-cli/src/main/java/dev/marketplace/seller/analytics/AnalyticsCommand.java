package dev.marketplace.seller.analytics;

import dev.marketplace.client.model.ReportQuery;
import dev.marketplace.client.model.ReportQuery.Granularity;
import dev.marketplace.client.model.SalesReport;
import dev.marketplace.seller.command.SellerContext;
import dev.marketplace.seller.command.Usage;
import dev.marketplace.seller.output.JsonOutput;
import dev.marketplace.seller.output.OutputFormat;
import dev.marketplace.seller.output.OutputOptions;
import dev.marketplace.seller.output.Styles;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code analytics}: the shop's report for a period, in the seller's time zone: the totals against
 * the period before, net sales per day, week or month as a bar chart, the best sellers, what runs
 * out and the orders in the pipeline.
 */
@Command(
    name = "analytics",
    aliases = "report",
    mixinStandardHelpOptions = true,
    description =
        "Your sales against the period before, net sales per day, week or month as a chart,"
            + " top products, low stock and the orders in the pipeline.",
    footer = {
      "",
      "Sales count when their payment is captured, refunds when a paid order is cancelled;"
          + " days run from midnight to midnight in --tz."
    })
public final class AnalyticsCommand implements Callable<Integer> {

  @ParentCommand SellerContext cli;

  @Spec CommandSpec spec;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      description = "First day, like 2026-11-01 (default: 29 days before --to).")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last day (default: today).")
  LocalDate to;

  @Option(
      names = "--by",
      paramLabel = "PERIOD",
      description = "A bar per day, week (Monday to Sunday) or month (default: day).")
  Granularity by;

  @Option(
      names = "--tz",
      paramLabel = "ZONE",
      description = "Your time zone, like Europe/Berlin (default: this computer's).")
  String tz;

  @Option(
      names = "--low-stock",
      paramLabel = "N",
      description = "List products with N or fewer in stock (default: 5).")
  Integer lowStock;

  @Option(names = "--ascii", description = "Draw the chart in plain ASCII.")
  boolean ascii;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    OutputFormat format = output.single();
    if (lowStock != null && lowStock < 0) {
      throw Usage.error(spec, "--low-stock must be 0 or more.");
    }
    if (tz != null) {
      try {
        ZoneId.of(tz);
      } catch (java.time.DateTimeException unknown) {
        throw Usage.error(
            spec,
            "--tz: there is no time zone \"" + tz + "\"; use a name like Europe/Berlin or UTC.");
      }
    }
    SalesReport report =
        cli.client()
            .sellerAnalytics()
            .report(new ReportQuery(from, to, by, tz == null ? localZone() : tz, lowStock));
    if (format == OutputFormat.JSON) {
      JsonOutput.print(cli.environment().out(), report);
    } else {
      new ReportPrinter(cli.environment().out(), new Styles(cli.environment().colour()), ascii)
          .print(report);
    }
    return 0;
  }

  /** This computer's zone by its IANA name; UTC for UTC, and the server's default otherwise. */
  private String localZone() {
    ZoneId zone = cli.environment().zone();
    if (zone instanceof ZoneOffset offset) {
      return offset.getTotalSeconds() == 0 ? "UTC" : null;
    }
    return zone.getId();
  }
}
