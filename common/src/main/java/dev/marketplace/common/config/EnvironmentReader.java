package dev.marketplace.common.config;

import java.util.Map;
import java.util.Optional;

/** Reads typed values from environment variables, naming the variable when one is wrong. */
final class EnvironmentReader {

  private final Map<String, String> env;

  EnvironmentReader(Map<String, String> env) {
    this.env = env;
  }

  Optional<String> text(String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  int integer(String name, int defaultValue, int min, int max) {
    Optional<String> raw = text(name);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    int value;
    try {
      value = Integer.parseInt(raw.get());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not '" + raw.get() + "'");
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
    }
    return value;
  }

  boolean bool(String name, boolean defaultValue) {
    Optional<String> raw = text(name);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    return switch (raw.get().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default ->
          throw new IllegalArgumentException(
              name + " must be true or false, not '" + raw.get() + "'");
    };
  }
}
