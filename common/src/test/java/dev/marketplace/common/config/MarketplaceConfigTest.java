package dev.marketplace.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarketplaceConfigTest {

  @Test
  void defaultsNeedNoVariables() {
    MarketplaceConfig config = MarketplaceConfig.fromEnvironment(Map.of());

    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.databaseUrl()).isEmpty();
    assertThat(config.bodyLimitBytes()).isEqualTo(65_536);
    assertThat(config.shutdownGraceSeconds()).isEqualTo(10);
  }

  @Test
  void readsTheShutdownGracePeriod() {
    assertThat(
            MarketplaceConfig.fromEnvironment(Map.of("MARKETPLACE_SHUTDOWN_GRACE_SECONDS", "30"))
                .shutdownGraceSeconds())
        .isEqualTo(30);
    assertThatThrownBy(
            () ->
                MarketplaceConfig.fromEnvironment(
                    Map.of("MARKETPLACE_SHUTDOWN_GRACE_SECONDS", "-1")))
        .hasMessageContaining("MARKETPLACE_SHUTDOWN_GRACE_SECONDS");
  }

  @Test
  void readsTheVariables() {
    MarketplaceConfig config =
        MarketplaceConfig.fromEnvironment(
            Map.of(
                "MARKETPLACE_HTTP_PORT", "9090",
                "MARKETPLACE_DB_URL", "postgresql://u@h/db",
                "MARKETPLACE_DB_POOL_SIZE", "4"));

    assertThat(config.httpPort()).isEqualTo(9090);
    assertThat(config.databaseUrl()).contains("postgresql://u@h/db");
    assertThat(config.databasePoolSize()).isEqualTo(4);
  }

  @Test
  void logsAsTextUnlessAskedForJsonAndRefusesAnyOtherFormat() {
    assertThat(MarketplaceConfig.fromEnvironment(Map.of()).logs())
        .isEqualTo(new LogSettings("text", false));
    assertThat(
            MarketplaceConfig.fromEnvironment(
                    Map.of("MARKETPLACE_LOG_FORMAT", "json", "MARKETPLACE_ACCESS_LOG", "true"))
                .logs())
        .isEqualTo(new LogSettings("json", true));
    assertThatThrownBy(
            () -> MarketplaceConfig.fromEnvironment(Map.of("MARKETPLACE_LOG_FORMAT", "xml")))
        .hasMessageContaining("MARKETPLACE_LOG_FORMAT");
  }

  @Test
  void tracesOnlyWhenSomeOtelVariableAsksForThem() {
    assertThat(MarketplaceConfig.fromEnvironment(Map.of()).tracing().enabled()).isFalse();
    assertThat(
            MarketplaceConfig.fromEnvironment(
                    Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"))
                .tracing()
                .enabled())
        .isTrue();
    assertThat(
            MarketplaceConfig.fromEnvironment(
                    Map.of(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                        "OTEL_SDK_DISABLED", "true"))
                .tracing()
                .enabled())
        .isFalse();
    assertThat(
            MarketplaceConfig.fromEnvironment(
                    Map.of("OTEL_SERVICE_NAME", "shop", "OTEL_TRACES_EXPORTER", "none"))
                .tracing()
                .enabled())
        .isFalse();
  }

  @Test
  void namesTheVariableThatIsWrong() {
    assertThatThrownBy(
            () -> MarketplaceConfig.fromEnvironment(Map.of("MARKETPLACE_HTTP_PORT", "eighty")))
        .hasMessageContaining("MARKETPLACE_HTTP_PORT");
    assertThatThrownBy(
            () -> MarketplaceConfig.fromEnvironment(Map.of("MARKETPLACE_DB_POOL_SIZE", "0")))
        .hasMessageContaining("MARKETPLACE_DB_POOL_SIZE");
  }

  @Test
  void theSandboxIsTheDefaultGatewayAndAnExternalOneNeedsItsSecrets() {
    assertThat(MarketplaceConfig.fromEnvironment(Map.of()).payments().usesSandbox()).isTrue();
    assertThatThrownBy(
            () ->
                MarketplaceConfig.fromEnvironment(
                    Map.of("MARKETPLACE_PAYMENT_GATEWAY_URL", "https://gateway.example.com")))
        .hasMessageContaining("MARKETPLACE_PAYMENT_WEBHOOK_SECRET");
    MarketplaceConfig config =
        MarketplaceConfig.fromEnvironment(
            Map.of(
                "MARKETPLACE_PAYMENT_GATEWAY_URL", "https://gateway.example.com",
                "MARKETPLACE_PAYMENT_API_KEY", "key",
                "MARKETPLACE_PAYMENT_WEBHOOK_SECRET", "secret",
                "MARKETPLACE_PAYMENT_PROVIDER", "acme"));
    PaymentSettings external = config.payments();
    assertThat(external.usesSandbox()).isFalse();
    assertThat(external.provider()).isEqualTo("acme");
    assertThat(config.verticles().runs(VerticleKind.SANDBOX)).as("no sandbox is started").isFalse();
  }

  @Test
  void metricsAreOnUnlessTurnedOff() {
    assertThat(MarketplaceConfig.fromEnvironment(Map.of()).metricsEnabled()).isTrue();
    assertThat(
            MarketplaceConfig.fromEnvironment(Map.of("MARKETPLACE_METRICS_ENABLED", "false"))
                .metricsEnabled())
        .isFalse();
    assertThatThrownBy(
            () -> MarketplaceConfig.fromEnvironment(Map.of("MARKETPLACE_METRICS_ENABLED", "maybe")))
        .hasMessageContaining("MARKETPLACE_METRICS_ENABLED");
  }

  @Test
  void aloneTheProcessRunsEverything() {
    MarketplaceConfig alone =
        MarketplaceConfig.fromEnvironment(Map.of("MARKETPLACE_VERTICLE_INSTANCES", "3"));

    assertThat(alone.cluster()).isEmpty();
    assertThat(alone.verticles().kinds()).containsExactly(VerticleKind.values());
    assertThat(alone.verticles().instancesOf(VerticleKind.CATALOG)).isEqualTo(3);
    assertThat(alone.verticles().instancesOf(VerticleKind.SANDBOX)).isEqualTo(1);
    assertThatThrownBy(
            () -> MarketplaceConfig.fromEnvironment(Map.of("MARKETPLACE_VERTICLES", "api")))
        .hasMessageContaining("MARKETPLACE_CLUSTER=true");
  }

  @Test
  void aClusterNodeRunsTheVerticlesItIsToldWithTheirInstances() {
    MarketplaceConfig node =
        MarketplaceConfig.fromEnvironment(
            Map.of(
                "MARKETPLACE_CLUSTER", "true",
                "MARKETPLACE_VERTICLES", " api , catalog:4,account",
                "MARKETPLACE_VERTICLE_INSTANCES", "2",
                "MARKETPLACE_CLUSTER_MEMBERS", "10.0.0.1:5701, 10.0.0.2 ,",
                "MARKETPLACE_CLUSTER_HOST", "10.0.0.3",
                "MARKETPLACE_CLUSTER_PORT", "5702"));

    assertThat(node.verticles().kinds())
        .containsExactly(VerticleKind.API, VerticleKind.ACCOUNT, VerticleKind.CATALOG);
    assertThat(node.verticles().instancesOf(VerticleKind.API)).isEqualTo(2);
    assertThat(node.verticles().instancesOf(VerticleKind.CATALOG)).isEqualTo(4);
    assertThat(node.verticles().useDatabase()).isTrue();
    ClusterSettings cluster = node.cluster().orElseThrow();
    assertThat(cluster.members()).containsExactly("10.0.0.1:5701", "10.0.0.2:5701");
    assertThat(cluster.host()).isEqualTo("10.0.0.3");
    assertThat(cluster.port()).isEqualTo(5702);
    assertThat(cluster.busPort()).isZero();
    assertThat(cluster.name()).isEqualTo("marketplace");
    assertThat(cluster.healthPort()).isEmpty();
  }

  @Test
  void anApiNodeNeedsNoDatabase() {
    MarketplaceConfig api =
        MarketplaceConfig.fromEnvironment(
            Map.of("MARKETPLACE_CLUSTER", "true", "MARKETPLACE_VERTICLES", "api"));

    assertThat(api.verticles().useDatabase()).isFalse();
    assertThat(api.verticles().useSigningKeys()).isTrue();
    assertThat(api.cluster().orElseThrow().host()).isEqualTo("127.0.0.1");
  }

  @Test
  void aWrongNodeSetupIsRefusedNamingWhatToSet() {
    assertThatThrownBy(() -> cluster(Map.of()))
        .hasMessageContaining("MARKETPLACE_VERTICLES")
        .hasMessageContaining("api, account, catalog, order, payment, sandbox");
    assertThatThrownBy(() -> cluster(Map.of("MARKETPLACE_VERTICLES", "api,basket")))
        .hasMessageContaining("'basket'");
    assertThatThrownBy(() -> cluster(Map.of("MARKETPLACE_VERTICLES", "api,api")))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> cluster(Map.of("MARKETPLACE_VERTICLES", " , ")))
        .hasMessageContaining("names no verticle");
    for (String count : new String[] {"catalog:0", "catalog:65", "catalog:x", "catalog:"}) {
      assertThatThrownBy(() -> cluster(Map.of("MARKETPLACE_VERTICLES", count)))
          .hasMessageContaining("catalog:4");
    }
    assertThatThrownBy(
            () ->
                cluster(
                    Map.of(
                        "MARKETPLACE_VERTICLES", "sandbox:2,payment",
                        "MARKETPLACE_PAYMENT_API_KEY", "k",
                        "MARKETPLACE_PAYMENT_WEBHOOK_SECRET", "s")))
        .hasMessageContaining("one instance");
    assertThatThrownBy(
            () ->
                cluster(
                    Map.of("MARKETPLACE_VERTICLES", "api", "MARKETPLACE_CLUSTER_HOST", "0.0.0.0")))
        .hasMessageContaining("not the wildcard");
    assertThatThrownBy(
            () ->
                cluster(
                    Map.of(
                        "MARKETPLACE_VERTICLES",
                        "api",
                        "MARKETPLACE_CLUSTER_HOST",
                        "10.0.0.1:5701")))
        .hasMessageContaining("MARKETPLACE_CLUSTER_PORT");
    assertThatThrownBy(
            () ->
                cluster(
                    Map.of(
                        "MARKETPLACE_VERTICLES",
                        "api",
                        "MARKETPLACE_CLUSTER_MEMBERS",
                        "10.0.0.1:70000")))
        .hasMessageContaining("host:port");
    assertThatThrownBy(
            () ->
                cluster(
                    Map.of("MARKETPLACE_VERTICLES", "api", "MARKETPLACE_CLUSTER_MEMBERS", ":5701")))
        .hasMessageContaining("host:port");
    assertThatThrownBy(
            () ->
                cluster(
                    Map.of("MARKETPLACE_VERTICLES", "api", "MARKETPLACE_CLUSTER_BUS_PORT", "5701")))
        .hasMessageContaining("MARKETPLACE_CLUSTER_BUS_PORT");
    assertThatThrownBy(
            () ->
                cluster(Map.of("MARKETPLACE_VERTICLES", "api", "MARKETPLACE_CLUSTER_NAME", "a b")))
        .hasMessageContaining("MARKETPLACE_CLUSTER_NAME");
  }

  @Test
  void paymentAndTheSandboxOnDifferentNodesShareConfiguredSecrets() {
    assertThatThrownBy(() -> cluster(Map.of("MARKETPLACE_VERTICLES", "payment")))
        .hasMessageContaining("MARKETPLACE_PAYMENT_GATEWAY_URL");
    assertThatThrownBy(() -> cluster(Map.of("MARKETPLACE_VERTICLES", "sandbox")))
        .hasMessageContaining("MARKETPLACE_PAYMENT_API_KEY");
    MarketplaceConfig sandbox =
        cluster(
            Map.of(
                "MARKETPLACE_VERTICLES", "sandbox",
                "MARKETPLACE_PAYMENT_API_KEY", "key",
                "MARKETPLACE_PAYMENT_WEBHOOK_SECRET", "secret",
                "MARKETPLACE_SANDBOX_HOST", "10.0.0.5",
                "MARKETPLACE_SANDBOX_WEBHOOK_URL",
                    "http://api.internal:8080/api/payments/webhooks/sandbox"));
    assertThat(sandbox.payments().sandboxHost()).isEqualTo("10.0.0.5");
    assertThat(sandbox.payments().sandboxWebhookUrl())
        .contains("http://api.internal:8080/api/payments/webhooks/sandbox");
    assertThat(sandbox.verticles().useDatabase()).isFalse();
    assertThat(sandbox.verticles().useSigningKeys()).isFalse();
    assertThatThrownBy(
            () ->
                cluster(
                    Map.of(
                        "MARKETPLACE_VERTICLES", "order,payment,sandbox",
                        "MARKETPLACE_SANDBOX_WEBHOOK_URL", "api:8080/hooks")))
        .hasMessageContaining("MARKETPLACE_SANDBOX_WEBHOOK_URL");
    assertThat(
            cluster(Map.of("MARKETPLACE_VERTICLES", "order,payment,sandbox")).verticles().kinds())
        .contains(VerticleKind.SANDBOX);
  }

  private static MarketplaceConfig cluster(Map<String, String> env) {
    Map<String, String> all = new HashMap<>(env);
    all.put("MARKETPLACE_CLUSTER", "true");
    return MarketplaceConfig.fromEnvironment(all);
  }
}
