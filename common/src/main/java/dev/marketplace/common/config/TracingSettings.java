package dev.marketplace.common.config;

import java.util.Locale;
import java.util.Map;

/**
 * Whether the node traces requests with OpenTelemetry. The SDK configures itself from the standard
 * {@code OTEL_*} variables (exporter, endpoint, protocol, sampler, service name, resource); the
 * node only decides whether to start it: with none of them set, or {@code OTEL_SDK_DISABLED=true},
 * or {@code OTEL_TRACES_EXPORTER=none}, no SDK runs, nothing is traced and nothing costs.
 */
public record TracingSettings(boolean enabled) {

  static TracingSettings read(Map<String, String> env) {
    boolean anySet =
        env.entrySet().stream()
            .anyMatch(entry -> entry.getKey().startsWith("OTEL_") && !entry.getValue().isBlank());
    boolean disabled =
        "true".equals(lower(env.get("OTEL_SDK_DISABLED")))
            || "none".equals(lower(env.get("OTEL_TRACES_EXPORTER")));
    return new TracingSettings(anySet && !disabled);
  }

  private static String lower(String value) {
    return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
  }
}
