package dev.marketplace.app;

import dev.marketplace.common.bus.BusAddress;
import dev.marketplace.common.bus.BusDrain;
import dev.marketplace.common.config.ClusterSettings;
import dev.marketplace.common.config.MarketplaceConfig;
import dev.marketplace.common.config.VerticleKind;
import dev.marketplace.common.db.DatabaseSettings;
import dev.marketplace.common.security.SigningKeys;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One running process of the marketplace: Vert.x alone, or joined to the cluster, with the
 * verticles this process runs deployed on it. A cluster node without the api serves its own health
 * on {@code MARKETPLACE_HEALTH_PORT} when that is set.
 */
public final class MarketplaceNode {

  /** How long a stopping node waits for the bus requests it took to be answered. */
  static final Duration DRAIN_LIMIT = Duration.ofSeconds(10);

  private final Vertx vertx;
  private final Optional<String> edgeDeployment;
  private final Optional<OpenTelemetrySdk> tracing;

  private MarketplaceNode(
      Vertx vertx, Optional<String> edgeDeployment, Optional<OpenTelemetrySdk> tracing) {
    this.vertx = vertx;
    this.edgeDeployment = edgeDeployment;
    this.tracing = tracing;
  }

  /**
   * Builds Vert.x as the configuration says and deploys; on a failure Vert.x is closed again, so
   * that a node that could not start leaves no trace in the cluster.
   */
  public static Future<MarketplaceNode> start(
      MarketplaceConfig config, DatabaseSettings database, SigningKeys keys, Clock clock) {
    Optional<ClusterSettings> cluster = config.cluster();
    Optional<OpenTelemetrySdk> tracing = Tracing.start(config.tracing(), config.verticles());
    Optional<OpenTelemetry> tracer = tracing.map(OpenTelemetry.class::cast);
    Future<ClusteredVertx.Clustered> built =
        cluster.isPresent()
            ? ClusteredVertx.start(cluster.get(), config.metricsEnabled(), tracer)
            : Future.succeededFuture(
                new ClusteredVertx.Clustered(
                    InstrumentedVertx.create(
                        Marketplace.singleProcessOptions(config), config.metricsEnabled(), tracer),
                    null));
    return built.compose(
        node -> {
          Vertx vertx = node.vertx();
          NodeMeters.register(config, Optional.ofNullable(node.manager()));
          return Marketplace.deploy(vertx, config, database, keys, clock)
              .compose(
                  edge ->
                      healthServer(vertx, config)
                          .map(ready -> new MarketplaceNode(vertx, edge, tracing)))
              .recover(
                  failure -> {
                    // Not chained on the close: its listeners would run on the event loops it
                    // stops, and the caller would never hear of the failure.
                    vertx.close().andThen(closed -> tracing.ifPresent(OpenTelemetrySdk::close));
                    return Future.failedFuture(failure);
                  });
        });
  }

  private static Future<?> healthServer(Vertx vertx, MarketplaceConfig config) {
    Optional<Integer> port = config.cluster().flatMap(ClusterSettings::healthPort);
    if (port.isEmpty() || config.verticles().runs(VerticleKind.API)) {
      return Future.succeededFuture();
    }
    List<String> addresses =
        config.verticles().kinds().stream()
            .flatMap(kind -> Optional.ofNullable(Marketplace.ADDRESSES.get(kind)).stream())
            .map(BusAddress::value)
            .toList();
    return NodeHealthServer.start(vertx, port.get(), addresses, config.metricsEnabled());
  }

  public Vertx vertx() {
    return vertx;
  }

  /**
   * Stops the HTTP edge, if it runs here: it takes no new connections and answers the requests in
   * flight (within its grace period) while every verticle they need still runs.
   */
  public Future<Void> drainEdge() {
    return edgeDeployment.map(vertx::undeploy).orElseGet(Future::succeededFuture);
  }

  /**
   * Stops taking bus requests and answers those already taken ({@link BusDrain}), then undeploys
   * everything and, in a cluster, leaves it. Requests already on their way here when the others
   * heard that this node no longer serves are refused unhandled, and the api sends them elsewhere.
   * Last, exports the spans still buffered.
   */
  public Future<Void> stop() {
    return BusDrain.of(vertx)
        .drain(vertx, DRAIN_LIMIT)
        .eventually(vertx::close)
        .andThen(closed -> tracing.ifPresent(OpenTelemetrySdk::close));
  }
}
