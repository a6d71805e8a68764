package dev.marketplace.app;

import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;

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
   * A builder for {@code options} plus metrics when asked, to build alone or clustered (tests put a
   * recorder of their own around the metrics).
   */
  public static VertxBuilder builder(VertxOptions options, boolean metrics) {
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
