package dev.marketplace.common.config;

/**
 * How the server logs.
 *
 * @param format {@code text} (one readable line per event) or {@code json} (one JSON object per
 *     line); logback's configuration reads {@code MARKETPLACE_LOG_FORMAT} itself, this only refuses
 *     a value it would not know
 * @param accessLog whether the api edge logs one line per request it answers
 */
public record LogSettings(String format, boolean accessLog) {

  static LogSettings read(EnvironmentReader reader) {
    String format = reader.text("MARKETPLACE_LOG_FORMAT").orElse("text");
    if (!format.equals("text") && !format.equals("json")) {
      throw new IllegalArgumentException(
          "MARKETPLACE_LOG_FORMAT must be text or json, not '" + format + "'");
    }
    return new LogSettings(format, reader.bool("MARKETPLACE_ACCESS_LOG", false));
  }
}
