package dev.marketplace.api;

import dev.marketplace.common.bus.ApiOperation;
import dev.marketplace.common.bus.BusAddress;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code marketplace_operation_duration_seconds}: a histogram per operation id of the contract,
 * labelled with the verticle group that serves it ({@code group}: the event-bus address, or {@code
 * api} for what the edge answers itself) and the status class ({@code 2xx} … {@code 5xx}). Its
 * {@code _count} is the rate, the {@code 5xx} series the errors, its buckets the percentiles.
 * Requests that match no operation ({@code /metrics}, a mistyped path) count as {@value
 * #NO_OPERATION}.
 */
final class OperationMetrics {

  static final String NO_OPERATION = "none";

  /** Bucket bounds: from a cache hit to the request timeout and past it. */
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private final MeterRegistry registry;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  OperationMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(String operationId, int status, long nanos) {
    String statusClass = (status / 100) + "xx";
    timers
        .computeIfAbsent(operationId + ' ' + statusClass, key -> timer(operationId, statusClass))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  private Timer timer(String operationId, String statusClass) {
    String group =
        ApiOperation.byId(operationId)
            .flatMap(ApiOperation::address)
            .map(BusAddress::value)
            .orElse("api");
    return Timer.builder("marketplace.operation.duration")
        .description("Requests of the API by operation, from arrival to the last byte answered")
        .tag("operation", operationId)
        .tag("group", group)
        .tag("status", statusClass)
        .serviceLevelObjectives(BUCKETS)
        .register(registry);
  }
}
