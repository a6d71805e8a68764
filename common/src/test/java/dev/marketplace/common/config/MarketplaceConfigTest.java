package dev.marketplace.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MarketplaceConfigTest {

  @Test
  void defaultsNeedNoVariables() {
    MarketplaceConfig config = MarketplaceConfig.fromEnvironment(Map.of());

    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.databaseUrl()).isEmpty();
    assertThat(config.bodyLimitBytes()).isEqualTo(65_536);
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
    PaymentSettings external =
        MarketplaceConfig.fromEnvironment(
                Map.of(
                    "MARKETPLACE_PAYMENT_GATEWAY_URL", "https://gateway.example.com",
                    "MARKETPLACE_PAYMENT_API_KEY", "key",
                    "MARKETPLACE_PAYMENT_WEBHOOK_SECRET", "secret",
                    "MARKETPLACE_PAYMENT_PROVIDER", "acme"))
            .payments();
    assertThat(external.usesSandbox()).isFalse();
    assertThat(external.provider()).isEqualTo("acme");
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
}
