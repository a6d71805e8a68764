package dev.marketplace.common.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.vertx.micrometer.backends.BackendRegistries;

/**
 * Where the marketplace's own meters go: the registry of Vert.x's Micrometer metrics, which {@code
 * /metrics} serves beside Vert.x's and the JVM's. With metrics off ({@code
 * MARKETPLACE_METRICS_ENABLED=false}) there is none, and meters registered here record nothing.
 */
public final class Meters {

  private Meters() {}

  /** Call it once Vert.x is built (in a verticle, or what a verticle constructs). */
  public static MeterRegistry registry() {
    MeterRegistry registry = BackendRegistries.getDefaultNow();
    // Micrometer's global registry holds no registry here: what is registered on it is dropped.
    return registry != null ? registry : Metrics.globalRegistry;
  }
}
