package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import dev.marketplace.common.config.ClusterSettings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What Hazelcast is told: find members by list only, listen on one address, say nothing home. */
class ClusteredVertxTest {

  private final Config config =
      ClusteredVertx.hazelcast(
          new ClusterSettings(
              "shop",
              "10.0.0.3",
              5702,
              0,
              List.of("10.0.0.1:5701", "10.0.0.2:5701"),
              Optional.empty(),
              Optional.empty()),
          "10.0.0.3");

  @Test
  void membersAreFoundThroughTheConfiguredListOnly() {
    JoinConfig join = config.getNetworkConfig().getJoin();

    assertThat(config.getClusterName()).isEqualTo("shop");
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
    assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
    assertThat(join.getTcpIpConfig().getMembers())
        .containsExactlyInAnyOrder("10.0.0.1:5701", "10.0.0.2:5701", "10.0.0.3:5702");
    assertThat(join.getAwsConfig().isEnabled()).isFalse();
    assertThat(join.getKubernetesConfig().isEnabled()).isFalse();
  }

  @Test
  void onKubernetesMembersAreTheHeadlessServicesDnsRecords() {
    Config kubernetes =
        ClusteredVertx.hazelcast(
            new ClusterSettings(
                "shop",
                "10.1.2.3",
                5701,
                5702,
                List.of(),
                Optional.of(8081),
                Optional.of("marketplace-cluster.shop.svc.cluster.local")),
            "10.1.2.3");
    JoinConfig join = kubernetes.getNetworkConfig().getJoin();

    assertThat(join.getTcpIpConfig().isEnabled()).isFalse();
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(join.getKubernetesConfig().isEnabled()).isTrue();
    assertThat(join.getKubernetesConfig().getProperty("service-dns"))
        .isEqualTo("marketplace-cluster.shop.svc.cluster.local");
    assertThat(join.getKubernetesConfig().getProperty("service-port")).isEqualTo("5701");
    assertThat(kubernetes.getNetworkConfig().getInterfaces().getInterfaces())
        .containsExactly("10.1.2.3");
  }

  @Test
  void itListensOnTheConfiguredAddressAndPortAlone() {
    NetworkConfig network = config.getNetworkConfig();

    assertThat(network.getPort()).isEqualTo(5702);
    assertThat(network.isPortAutoIncrement()).isFalse();
    assertThat(network.getInterfaces().isEnabled()).isTrue();
    assertThat(network.getInterfaces().getInterfaces()).containsExactly("10.0.0.3");
    assertThat(config.getProperty("hazelcast.socket.bind.any")).isEqualTo("false");
    assertThat(config.getProperty("hazelcast.local.localAddress")).isEqualTo("10.0.0.3");
    assertThat(network.getRestApiConfig().isEnabled()).isFalse();
    assertThat(network.getMemcacheProtocolConfig().isEnabled()).isFalse();
  }

  @Test
  void itNeverPhonesHomeAndKeepsVertxOwnMaps() {
    assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
    assertThat(config.getMultiMapConfig("__vertx.subs").getBackupCount()).isEqualTo(1);
  }
}
