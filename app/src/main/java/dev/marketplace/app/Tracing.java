package dev.marketplace.app;

import dev.marketplace.common.config.NodeVerticles;
import dev.marketplace.common.config.TracingSettings;
import dev.marketplace.common.config.VerticleKind;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.resources.ResourceBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The OpenTelemetry SDK of a node, built by the SDK's autoconfiguration from the {@code OTEL_*}
 * variables (exporter, endpoint, protocol, sampler, propagators), or none when they ask for no
 * traces ({@link TracingSettings}). The resource says which node: {@code service.name} ({@code
 * marketplace} unless {@code OTEL_SERVICE_NAME} or {@code OTEL_RESOURCE_ATTRIBUTES} name it), a
 * {@code service.instance.id} of its own, and the verticles it runs ({@code
 * marketplace.verticles}). Only traces are exported unless the variables ask for metrics or logs
 * too: the node's metrics are Prometheus's, its logs standard output's.
 */
final class Tracing {

  static final String DEFAULT_SERVICE_NAME = "marketplace";
  static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
  static final AttributeKey<String> SERVICE_INSTANCE_ID =
      AttributeKey.stringKey("service.instance.id");
  static final AttributeKey<List<String>> VERTICLES =
      AttributeKey.stringArrayKey("marketplace.verticles");

  private Tracing() {}

  static Optional<OpenTelemetrySdk> start(TracingSettings settings, NodeVerticles verticles) {
    if (!settings.enabled()) {
      return Optional.empty();
    }
    List<String> kinds =
        verticles.kinds().stream()
            .map(VerticleKind::name)
            .map(String::toLowerCase)
            .sorted()
            .toList();
    return Optional.of(
        AutoConfiguredOpenTelemetrySdk.builder()
            // Defaults only: the OTEL_* variables override them.
            .addPropertiesSupplier(
                () -> Map.of("otel.metrics.exporter", "none", "otel.logs.exporter", "none"))
            .addResourceCustomizer((resource, config) -> describe(resource, kinds))
            .build()
            .getOpenTelemetrySdk());
  }

  private static Resource describe(Resource resource, List<String> verticles) {
    ResourceBuilder node = resource.toBuilder();
    String name = resource.getAttribute(SERVICE_NAME);
    if (name == null || name.startsWith("unknown_service")) {
      node.put(SERVICE_NAME, DEFAULT_SERVICE_NAME);
    }
    if (resource.getAttribute(SERVICE_INSTANCE_ID) == null) {
      node.put(SERVICE_INSTANCE_ID, UUID.randomUUID().toString());
    }
    return node.put(VERTICLES, verticles).build();
  }
}
