package dev.marketplace.client.model;

import java.time.LocalDate;

/**
 * Which report to ask for; a null field takes the server's default (the last 30 days to today in
 * {@code tz}, by day, UTC, low stock at 5 or fewer).
 */
public record ReportQuery(
    LocalDate from, LocalDate to, Granularity granularity, String tz, Integer lowStockBelow) {

  /** How the report's series is cut. */
  public enum Granularity {
    DAY,
    WEEK,
    MONTH;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static ReportQuery defaults() {
    return new ReportQuery(null, null, null, null, null);
  }
}
