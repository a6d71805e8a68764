package dev.marketplace.common.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.vertx.micrometer.backends.BackendRegistries;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the marketplace's own meters go: the registry of Vert.x's Micrometer metrics, which {@code
 * /metrics} serves beside Vert.x's and the JVM's. With metrics off ({@code
 * MARKETPLACE_METRICS_ENABLED=false}) there is none, and meters registered here record nothing.
 */
public final class Meters {

  /** The value behind each gauge of a node, by registry and name: one per node, whoever sets it. */
  private static final Map<MeterRegistry, Map<String, AtomicLong>> NODE_GAUGES =
      new WeakHashMap<>();

  private Meters() {}

  /** Call it once Vert.x is built (in a verticle, or what a verticle constructs). */
  public static MeterRegistry registry() {
    MeterRegistry registry = BackendRegistries.getDefaultNow();
    // Micrometer's global registry holds no registry here: what is registered on it is dropped.
    return registry != null ? registry : Metrics.globalRegistry;
  }

  /**
   * The value of a gauge of the node (not of one verticle instance): the first caller registers it,
   * every later caller of the same name gets the same value to set. A gauge registered twice would
   * keep the first one's value only, and Micrometer would warn.
   */
  public static AtomicLong nodeGauge(MeterRegistry registry, String name, String description) {
    synchronized (NODE_GAUGES) {
      return NODE_GAUGES
          .computeIfAbsent(registry, any -> new HashMap<>())
          .computeIfAbsent(
              name,
              any -> {
                AtomicLong value = new AtomicLong();
                Gauge.builder(name, value, AtomicLong::get)
                    .description(description)
                    .strongReference(true)
                    .register(registry);
                return value;
              });
    }
  }
}
