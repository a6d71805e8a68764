package dev.marketplace.client.model;

import java.util.Locale;

/** The API spells its enum values in lower snake case; a value this client does not know parses. */
final class WireNames {

  private WireNames() {}

  static String of(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  static <E extends Enum<E>> E parse(Class<E> type, String value, E unknown) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException newerThanThisClient) {
      return unknown;
    }
  }
}
