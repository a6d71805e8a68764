package dev.marketplace.order.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.common.error.DomainException;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a report's days, weeks and months begin and end, in any time zone. */
class ReportPeriodTest {

  private static final Clock NOON_25_NOVEMBER_2026 =
      Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void daysRunFromLocalMidnightToLocalMidnightSo23And25HoursWhenClocksChange() {
    List<ReportPeriod.Bucket> spring =
        period("from", "2026-03-28", "to", "2026-03-30", "tz", "Europe/Berlin").buckets();
    assertThat(spring)
        .extracting(ReportPeriod.Bucket::start)
        .containsExactly(
            Instant.parse("2026-03-27T23:00:00Z"),
            Instant.parse("2026-03-28T23:00:00Z"),
            Instant.parse("2026-03-29T22:00:00Z"));
    assertThat(Duration.between(spring.get(1).start(), spring.get(2).start())).hasHours(23);

    ReportPeriod autumn =
        period("from", "2026-11-01", "to", "2026-11-01", "tz", "America/New_York");
    assertThat(Duration.between(autumn.start(), autumn.end())).hasHours(25);
  }

  @Test
  void aDayWhoseMidnightIsSkippedStartsWhenTheClocksResume() {
    ReportPeriod santiago =
        period("from", "2026-09-06", "to", "2026-09-06", "tz", "America/Santiago");
    assertThat(santiago.start()).isEqualTo(Instant.parse("2026-09-06T04:00:00Z"));
    assertThat(Duration.between(santiago.start(), santiago.end())).hasHours(23);
  }

  @Test
  void quarterAndThreeQuarterHourZonesStartTheirDaysOnQuarterHours() {
    assertThat(period("from", "2026-06-11", "to", "2026-06-11", "tz", "Asia/Kathmandu").start())
        .isEqualTo(Instant.parse("2026-06-10T18:15:00Z"));
    assertThat(period("from", "2026-06-11", "to", "2026-06-11", "tz", "Asia/Kolkata").start())
        .isEqualTo(Instant.parse("2026-06-10T18:30:00Z"));
    assertThat(period("from", "2026-06-11", "to", "2026-06-11", "tz", "Pacific/Chatham").start())
        .isEqualTo(Instant.parse("2026-06-10T11:15:00Z"));
  }

  @Test
  void weeksAreIsoWeeksFromMondayAndMonthsCalendarMonthsBothCutAtThePeriod() {
    ReportPeriod weeks =
        period("from", "2026-03-27", "to", "2026-04-08", "granularity", "week", "tz", "Asia/Tokyo");
    assertThat(weeks.buckets())
        .containsExactly(
            new ReportPeriod.Bucket(
                LocalDate.parse("2026-03-23"), Instant.parse("2026-03-26T15:00:00Z")),
            new ReportPeriod.Bucket(
                LocalDate.parse("2026-03-30"), Instant.parse("2026-03-29T15:00:00Z")),
            new ReportPeriod.Bucket(
                LocalDate.parse("2026-04-06"), Instant.parse("2026-04-05T15:00:00Z")));
    assertThat(weeks.end()).isEqualTo(Instant.parse("2026-04-08T15:00:00Z"));

    ReportPeriod months = period("from", "2024-01-31", "to", "2024-03-01", "granularity", "month");
    assertThat(months.buckets())
        .extracting(ReportPeriod.Bucket::periodStart)
        .containsExactly(
            LocalDate.parse("2024-01-01"),
            LocalDate.parse("2024-02-01"),
            LocalDate.parse("2024-03-01"));
    assertThat(months.buckets().get(0).start()).isEqualTo(Instant.parse("2024-01-31T00:00:00Z"));
  }

  @Test
  void thePreviousPeriodIsAsManyDaysJustBefore() {
    ReportPeriod period = period("from", "2024-03-01", "to", "2024-03-31");
    assertThat(period.days()).isEqualTo(31);
    assertThat(period.previousFrom()).isEqualTo(LocalDate.parse("2024-01-30"));
    assertThat(period.previousTo()).isEqualTo(LocalDate.parse("2024-02-29"));
    assertThat(period.previousStart()).isEqualTo(Instant.parse("2024-01-30T00:00:00Z"));
  }

  @Test
  void defaultsAreTheLast30DaysOfTodayInTheSellersZoneByDay() {
    ReportPeriod period = ReportPeriod.of(new JsonObject(), NOON_25_NOVEMBER_2026);
    assertThat(period.to()).isEqualTo(LocalDate.parse("2026-11-25"));
    assertThat(period.from()).isEqualTo(LocalDate.parse("2026-10-27"));
    assertThat(period.granularity()).isEqualTo(ReportPeriod.Granularity.DAY);
    assertThat(period.lowStockThreshold()).isEqualTo(5);
    // At noon UTC it is already the 26th in Kiritimati (+14).
    assertThat(period("tz", "Pacific/Kiritimati").to()).isEqualTo(LocalDate.parse("2026-11-26"));
    assertThat(period("to", "2026-02-10").from()).isEqualTo(LocalDate.parse("2026-01-12"));
  }

  @Test
  void atMostTwoYears() {
    assertThat(period("from", "2024-01-01", "to", "2025-12-31").days()).isEqualTo(731);
    refused("from", "2024-01-01", "to", "2026-01-01");
    assertThat(period("from", "2024-02-29", "to", "2026-02-27").days()).isEqualTo(730);
    refused("from", "2024-02-29", "to", "2026-02-28");
  }

  @Test
  void refusesWhatIsNoPeriod() {
    refused("from", "2026-03-02", "to", "2026-03-01");
    refused("from", "2026-02-29");
    refused("from", "1969-12-31", "to", "1970-01-01");
    refused("to", "2026-13-01");
    refused("tz", "Europe/Nowhere");
    refused("tz", "+05:30");
    refused("tz", "GMT+5");
    refused("granularity", "year");
    assertThat(period("from", "9999-12-31", "to", "9999-12-31").end())
        .isEqualTo(Instant.parse("+10000-01-01T00:00:00Z"));
  }

  private static ReportPeriod period(String... parameters) {
    JsonObject query = new JsonObject();
    for (int k = 0; k < parameters.length; k += 2) {
      query.put(parameters[k], parameters[k + 1]);
    }
    return ReportPeriod.of(query, NOON_25_NOVEMBER_2026);
  }

  private static void refused(String... parameters) {
    assertThatThrownBy(() -> period(parameters))
        .isInstanceOf(DomainException.class)
        .hasMessageNotContaining("Exception");
  }
}
