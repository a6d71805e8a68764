package dev.marketplace.app;

import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.tracing.opentelemetry.OpenTelemetryOptions;
import io.vertx.tracing.opentelemetry.OpenTelemetryTracingFactory;
import java.util.Optional;

/**
 * The Vert.x instance the marketplace runs on: with Micrometer metrics for Prometheus when asked
 * (HTTP server requests by route, method and status; gateway calls; pools; the JVM), or plain.
 */
public final class InstrumentedVertx {

  private InstrumentedVertx() {}

  public static Vertx create(boolean metrics) {
    return builder(new VertxOptions(), metrics).build();
  }

  /**
   * As {@link #create(boolean)}, on {@code options}, traced by {@code tracing} when there is one.
   */
  static Vertx create(VertxOptions options, boolean metrics, Optional<OpenTelemetry> tracing) {
    return builder(options, metrics, tracing).build();
  }

  /**
   * A builder for {@code options} plus metrics when asked, to build alone or clustered (tests put a
   * recorder of their own around the metrics).
   */
  public static VertxBuilder builder(VertxOptions options, boolean metrics) {
    return builder(options, metrics, Optional.empty());
  }

  /**
   * As {@link #builder(VertxOptions, boolean)}, traced by {@code tracing} when there is one: HTTP
   * servers continue an incoming W3C {@code traceparent}, and HTTP clients, event-bus requests and
   * SQL statements made while serving a request join its trace.
   */
  static VertxBuilder builder(
      VertxOptions options, boolean metrics, Optional<OpenTelemetry> tracing) {
    VertxBuilder builder = metricsBuilder(options, metrics);
    tracing.ifPresent(
        telemetry -> {
          options.setTracingOptions(new OpenTelemetryOptions());
          builder.with(options).withTracer(new OpenTelemetryTracingFactory(telemetry));
        });
    return builder;
  }

  private static VertxBuilder metricsBuilder(VertxOptions options, boolean metrics) {
    if (!metrics) {
      return Vertx.builder().with(options);
    }
    MicrometerMetricsOptions metricsOptions =
        new MicrometerMetricsOptions()
            .setEnabled(true)
            .setJvmMetricsEnabled(true)
            .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
            .addLabels(Label.HTTP_ROUTE)
            // Every API request crosses the event bus twice: counting each message would cost
            // more than it tells, as the HTTP metrics already time the whole round trip.
            .addDisabledMetricsCategory(MetricsDomain.EVENT_BUS);
    return Vertx.builder()
        .with(options.setMetricsOptions(metricsOptions))
        .withMetrics(new MicrometerMetricsFactory());
  }
}
