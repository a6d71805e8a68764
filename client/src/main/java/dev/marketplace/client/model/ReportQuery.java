package dev.marketplace.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;

/**
 * Which report to ask for; a null field takes the server's default (the last 30 days to today in
 * {@code tz}, by day, UTC, low stock at 5 or fewer).
 */
public record ReportQuery(
    LocalDate from, LocalDate to, Granularity granularity, String tz, Integer lowStockBelow) {

  /**
   * How the report's series is cut. {@link #UNKNOWN} stands for a cut a newer server reports that
   * this client does not know yet; it is never asked for.
   */
  public enum Granularity {
    DAY,
    WEEK,
    MONTH,
    UNKNOWN;

    @JsonValue
    public String wireName() {
      return WireNames.of(this);
    }

    @JsonCreator
    public static Granularity of(String value) {
      return WireNames.parse(Granularity.class, value, UNKNOWN);
    }
  }

  public static ReportQuery defaults() {
    return new ReportQuery(null, null, null, null, null);
  }
}
