package dev.marketplace.order.analytics;

import dev.marketplace.common.error.DomainException;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The days a report covers, in the seller's time zone, and how they are cut into buckets: {@code
 * from} to {@code to}, both included, each day running from one local midnight to the next (23 or
 * 25 hours on the days clocks change). Weeks are ISO weeks, Monday to Sunday; months are calendar
 * months. The first and last bucket may hold only part of their week or month: a bucket counts only
 * the days of the period. The previous period is as many days, just before {@code from}.
 *
 * <p>All time-zone arithmetic happens here, with the JDK's time-zone rules; the database only ever
 * sees instants.
 */
public record ReportPeriod(
    LocalDate from, LocalDate to, ZoneId zone, Granularity granularity, int lowStockThreshold) {

  /** How a period is cut into buckets. */
  public enum Granularity {
    DAY,
    WEEK,
    MONTH;

    String parameter() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The first day of the bucket that holds {@code day}. */
    LocalDate startOf(LocalDate day) {
      return switch (this) {
        case DAY -> day;
        case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        case MONTH -> day.withDayOfMonth(1);
      };
    }

    LocalDate next(LocalDate bucketStart) {
      return switch (this) {
        case DAY -> bucketStart.plusDays(1);
        case WEEK -> bucketStart.plusWeeks(1);
        case MONTH -> bucketStart.plusMonths(1);
      };
    }
  }

  /** A bucket: the date it is labelled with, and the instant its first day in the period begins. */
  public record Bucket(LocalDate periodStart, Instant start) {}

  static final int DEFAULT_DAYS = 30;
  static final int DEFAULT_LOW_STOCK = 5;

  /** No business on this marketplace predates it, and a previous period then stays in our era. */
  static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);

  static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

  private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

  /**
   * The period a report's query asks for: {@code to} (default: today in {@code tz}), {@code from}
   * (default: 29 days before {@code to}, so 30 days), {@code granularity} (default day), {@code tz}
   * (default UTC) and {@code low_stock_below} (default 5). Refuses with 400 what is not a real date
   * between 1970 and 9999, a period that ends before it starts or that is two years or longer
   * ({@code to} must come before the same date two years after {@code from}), and an unknown time
   * zone.
   */
  public static ReportPeriod of(JsonObject query, Clock clock) {
    ZoneId zone = zone(query.getString("tz", "UTC"));
    LocalDate to = date(query, "to");
    LocalDate from = date(query, "from");
    if (to == null) {
      to = LocalDate.ofInstant(clock.instant(), zone);
    }
    if (from == null) {
      from = to.minusDays(DEFAULT_DAYS - 1);
    }
    if (from.isAfter(to)) {
      throw DomainException.invalidField("from", "from (" + from + ") is after to (" + to + ").");
    }
    if (!to.isBefore(from.plusYears(2))) {
      throw DomainException.invalidField(
          "to",
          "The period from "
              + from
              + " to "
              + to
              + " is too long: to must come before "
              + from.plusYears(2)
              + ", two years after from.");
    }
    return new ReportPeriod(
        from,
        to,
        zone,
        granularity(query.getString("granularity", "day")),
        query.getInteger("low_stock_below", DEFAULT_LOW_STOCK));
  }

  private static Granularity granularity(String name) {
    for (Granularity granularity : Granularity.values()) {
      if (granularity.parameter().equals(name)) {
        return granularity;
      }
    }
    throw DomainException.invalidField("granularity", "granularity must be day, week or month.");
  }

  private static ZoneId zone(String id) {
    // Region ids only (Area/City, UTC): a fixed offset such as +05:17 could cut a quarter hour.
    if (!ZONES.contains(id)) {
      throw DomainException.invalidField(
          "tz",
          "tz must be an IANA time zone such as Europe/Berlin or UTC; '" + id + "' is not one.");
    }
    return ZoneId.of(id);
  }

  private static LocalDate date(JsonObject query, String name) {
    String text = query.getString(name);
    if (text == null) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(text);
    } catch (DateTimeException notADate) {
      throw DomainException.invalidField(
          name, name + " must be a date such as 2026-11-25; '" + text + "' is not one.");
    }
    if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
      throw DomainException.invalidField(
          name,
          name + " must be between " + EARLIEST + " and " + LATEST + "; " + text + " is not.");
    }
    return date;
  }

  /** The number of days in the period. */
  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  public LocalDate previousFrom() {
    return from.minusDays(days());
  }

  public LocalDate previousTo() {
    return from.minusDays(1);
  }

  /** The first instant of the period: {@code from}'s first moment in the zone. */
  public Instant start() {
    return startOf(from);
  }

  /** The first instant after the period. */
  public Instant end() {
    return startOf(to.plusDays(1));
  }

  public Instant previousStart() {
    return startOf(previousFrom());
  }

  /** The buckets, in order; each ends where the next begins, the last at {@link #end()}. */
  public List<Bucket> buckets() {
    List<Bucket> buckets = new ArrayList<>();
    LocalDate label = granularity.startOf(from);
    LocalDate first = from;
    while (!first.isAfter(to)) {
      buckets.add(new Bucket(label, startOf(first)));
      label = granularity.next(label);
      first = label;
    }
    return buckets;
  }

  /** A day's first moment: midnight, or the first time after it where clocks skip midnight. */
  private Instant startOf(LocalDate day) {
    return day.atStartOfDay(zone).toInstant();
  }
}
