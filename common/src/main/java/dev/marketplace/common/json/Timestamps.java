package dev.marketplace.common.json;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Timestamps travel as ISO-8601 instants in UTC, e.g. {@code 2026-11-24T14:00:00.123456Z}. */
public final class Timestamps {

  private Timestamps() {}

  public static String format(OffsetDateTime time) {
    return time == null ? null : DateTimeFormatter.ISO_INSTANT.format(time.toInstant());
  }
}
