package dev.marketplace.app;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import dev.marketplace.common.config.ClusterSettings;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Vert.x instance whose event bus spans every node of the cluster, with Hazelcast keeping the
 * member list and who consumes which address. Members find each other only through the configured
 * TCP/IP list (no multicast, no cloud discovery), both Hazelcast and the event bus listen on the
 * configured host alone, and Hazelcast never phones home.
 */
final class ClusteredVertx {

  /**
   * Seconds without a heartbeat before a member is declared dead and its consumers forgotten. A
   * process that dies is noticed sooner, when its connections are refused; this bounds the case of
   * a machine that vanishes from the network.
   */
  static final int DEAD_AFTER_SECONDS = 10;

  private ClusteredVertx() {}

  /** A clustered Vert.x and the cluster manager it runs with. */
  record Clustered(Vertx vertx, ClusterManager manager) {}

  static Future<Clustered> start(
      ClusterSettings settings, boolean metrics, Optional<OpenTelemetry> tracing) {
    String address;
    try {
      address = InetAddress.getByName(settings.host()).getHostAddress();
    } catch (UnknownHostException e) {
      return Future.failedFuture(
          new IllegalArgumentException(
              "MARKETPLACE_CLUSTER_HOST '" + settings.host() + "' does not resolve", e));
    }
    VertxOptions options =
        new VertxOptions()
            .setEventBusOptions(
                new EventBusOptions()
                    .setHost(address)
                    .setPort(settings.busPort())
                    .setClusterPublicHost(address));
    HazelcastClusterManager manager = new HazelcastClusterManager(hazelcast(settings, address));
    return InstrumentedVertx.builder(options, metrics, tracing)
        .withClusterManager(manager)
        .buildClustered()
        .map(vertx -> new Clustered(vertx, manager));
  }

  /** Vert.x's own Hazelcast configuration (its maps), with our network and membership. */
  static Config hazelcast(ClusterSettings settings, String address) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(settings.name());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    // Bind to the configured interface only, for members and clients alike.
    config.setProperty("hazelcast.socket.bind.any", "false");
    // A starting node waits this long for the others before forming a cluster of its own; split
    // clusters, such as two nodes started at the same instant, merge again on the delays below.
    config.setProperty("hazelcast.wait.seconds.before.join", "1");
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "10");
    config.setProperty("hazelcast.merge.next.run.delay.seconds", "10");
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", Integer.toString(DEAD_AFTER_SECONDS));

    NetworkConfig network = config.getNetworkConfig();
    network.setPort(settings.port()).setPortAutoIncrement(false);
    network.setPublicAddress(address + ":" + settings.port());
    network.getInterfaces().setEnabled(true).setInterfaces(List.of(address));
    network.getRestApiConfig().setEnabled(false);
    network.getMemcacheProtocolConfig().setEnabled(false);

    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    List<String> members = new ArrayList<>(settings.members());
    members.add(address + ":" + settings.port());
    join.getTcpIpConfig().setEnabled(true).setMembers(members);
    return config;
  }
}
