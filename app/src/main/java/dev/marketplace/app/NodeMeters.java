package dev.marketplace.app;

import dev.marketplace.common.config.MarketplaceConfig;
import dev.marketplace.common.config.VerticleKind;
import dev.marketplace.common.metrics.Meters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.spi.cluster.ClusterManager;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The node's own gauges, registered once per node: {@code marketplace_node_info} (1, labelled with
 * the verticles the node runs), {@code marketplace_db_pool_connections_max} (the pool's size, where
 * the node uses the database; Vert.x's {@code vertx_pool_*} give its use, waits and wait time) and
 * {@code marketplace_cluster_members} (the members this node sees, in a cluster).
 */
final class NodeMeters {

  private NodeMeters() {}

  static void register(MarketplaceConfig config, Optional<ClusterManager> cluster) {
    if (!config.metricsEnabled()) {
      return;
    }
    MeterRegistry registry = Meters.registry();
    String verticles =
        config.verticles().kinds().stream()
            .map(VerticleKind::name)
            .map(String::toLowerCase)
            .sorted()
            .collect(Collectors.joining(","));
    Gauge.builder("marketplace.node.info", () -> 1)
        .description("Always 1: the verticles this node runs, as a label")
        .tag("verticles", verticles)
        .register(registry);
    if (config.verticles().useDatabase()) {
      Meters.nodeGauge(
              registry,
              "marketplace.db.pool.connections.max",
              "Connections the node's database pool may open")
          .set(config.databasePoolSize());
    }
    cluster.ifPresent(
        manager ->
            Gauge.builder("marketplace.cluster.members", manager, m -> m.getNodes().size())
                .description("Members of the cluster this node sees")
                .register(registry));
  }
}
