package dev.marketplace.app;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import dev.marketplace.common.bus.Topics;
import dev.marketplace.common.config.ClusterSettings;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonObject;
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
 * TCP/IP list, or on Kubernetes through a headless service's DNS records (no multicast, no cloud
 * discovery), both Hazelcast and the event bus listen on the configured host alone, and Hazelcast
 * never phones home.
 */
final class ClusteredVertx {

  /**
   * Seconds without a heartbeat before a member is declared dead and its consumers forgotten. A
   * process that dies is noticed sooner, when its connections are refused; this bounds the case of
   * a machine that vanishes from the network.
   */
  static final int DEAD_AFTER_SECONDS = 5;

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
                new OwnAddressBusOptions(address)
                    .setHost(address)
                    .setPort(settings.busPort())
                    .setClusterPublicHost(address));
    HazelcastClusterManager manager = new HazelcastClusterManager(hazelcast(settings, address));
    return InstrumentedVertx.builder(options, metrics, tracing)
        .withClusterManager(manager)
        .buildClustered()
        .onSuccess(vertx -> announceMembershipChanges(vertx, manager.getHazelcastInstance()))
        .map(vertx -> new Clustered(vertx, manager));
  }

  /**
   * Tells this node's verticles ({@link Topics#MEMBERSHIP_CHANGED}, published locally) whenever a
   * member joins or leaves, or two halves of a split cluster merge: what was published on the bus
   * meanwhile may not have reached this node.
   */
  private static void announceMembershipChanges(Vertx vertx, HazelcastInstance hazelcast) {
    DeliveryOptions localOnly = new DeliveryOptions().setLocalOnly(true);
    Runnable announce = () -> vertx.eventBus().publish(Topics.MEMBERSHIP_CHANGED, null, localOnly);
    hazelcast
        .getCluster()
        .addMembershipListener(
            new MembershipListener() {
              @Override
              public void memberAdded(MembershipEvent event) {
                announce.run();
              }

              @Override
              public void memberRemoved(MembershipEvent event) {
                announce.run();
              }
            });
    hazelcast
        .getLifecycleService()
        .addLifecycleListener(
            event -> {
              if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
                announce.run();
              }
            });
  }

  /**
   * The event bus's options, with the address its connections to other nodes leave from. Vert.x
   * builds the bus's client from these options' JSON form, which has no such field of its own; the
   * client's {@code localAddress} makes a node's outgoing bus traffic carry its own address, as
   * Hazelcast's does, so that a firewall (or a test that cuts one node off) can tell nodes apart.
   */
  static final class OwnAddressBusOptions extends EventBusOptions {
    private final String address;

    OwnAddressBusOptions(String address) {
      this.address = address;
    }

    @Override
    public JsonObject toJson() {
      return super.toJson().put("localAddress", address);
    }
  }

  /** Vert.x's own Hazelcast configuration (its maps), with our network and membership. */
  static Config hazelcast(ClusterSettings settings, String address) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(settings.name());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    // Bind to the configured interface only, for members and clients alike.
    config.setProperty("hazelcast.socket.bind.any", "false");
    // Use the configured address as it is, rather than look for it among the interfaces' own
    // addresses: loopback answers the whole of 127.0.0.0/8 while listing only 127.0.0.1, and nodes
    // that share a machine each take an address of their own there.
    config.setProperty("hazelcast.local.localAddress", address);
    // A starting node waits this long for the others before forming a cluster of its own; split
    // clusters, such as two nodes started at the same instant, merge again on the delays below.
    config.setProperty("hazelcast.wait.seconds.before.join", "1");
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "10");
    config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", Integer.toString(DEAD_AFTER_SECONDS));
    // An operation whose partition owner has gone is retried, 500 ms apart, this many times (250 by
    // default: two minutes). While the smaller half of a healed split merges, its cluster is frozen
    // and its partition table still names the members that already left for the other half; Vert.x
    // reads the whole subscription map on the member-removed event, under the cluster manager's
    // lock, and the master's merge waits for that lock. With the default the master stayed frozen,
    // refusing every joining node, for two minutes (chaos suite); 20 retries bound it to 10 s, and
    // still outlast a partition migration in a cluster of our size.
    config.setProperty("hazelcast.invocation.max.retry.count", "20");

    NetworkConfig network = config.getNetworkConfig();
    network.setPort(settings.port()).setPortAutoIncrement(false);
    network.setPublicAddress(address + ":" + settings.port());
    network.getInterfaces().setEnabled(true).setInterfaces(List.of(address));
    network.getRestApiConfig().setEnabled(false);
    network.getMemcacheProtocolConfig().setEnabled(false);

    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    if (settings.serviceDns().isPresent()) {
      // Kubernetes: the headless service's DNS records are the members; no API access needed.
      join.getTcpIpConfig().setEnabled(false);
      join.getKubernetesConfig()
          .setEnabled(true)
          .setProperty("service-dns", settings.serviceDns().get())
          .setProperty("service-port", Integer.toString(settings.port()));
    } else {
      List<String> members = new ArrayList<>(settings.members());
      members.add(address + ":" + settings.port());
      join.getTcpIpConfig().setEnabled(true).setMembers(members);
    }
    return config;
  }
}
