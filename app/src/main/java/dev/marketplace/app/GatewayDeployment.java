package dev.marketplace.app;

import dev.marketplace.common.config.MarketplaceConfig;
import dev.marketplace.common.config.PaymentSettings;
import dev.marketplace.common.config.VerticleKind;
import dev.marketplace.common.db.DatabaseSettings;
import dev.marketplace.payment.PaymentVerticle;
import dev.marketplace.payment.sandbox.SandboxGatewayVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Starts the sandbox gateway when this node runs it, and tells the payment verticle, when this node
 * runs that, where its gateway is and which secrets it shares with it.
 *
 * <p>Payment finds its gateway in one of two ways: the sandbox in the same process (its port and
 * secrets are known here, the secrets made up at start unless given), or {@code
 * MARKETPLACE_PAYMENT_GATEWAY_URL} with the API key and webhook secret both sides are configured
 * with — a real gateway, or a sandbox on another node. The sandbox sends its webhooks to {@code
 * MARKETPLACE_SANDBOX_WEBHOOK_URL}, by default the api on this machine's HTTP port.
 */
final class GatewayDeployment {

  private GatewayDeployment() {}

  /** The payment verticle's settings, or null when this node runs no payment. */
  static Future<PaymentVerticle.Settings> deploy(
      Vertx vertx, MarketplaceConfig config, DatabaseSettings database, Clock clock) {
    PaymentSettings settings = config.payments();
    String apiKey = settings.apiKey().orElseGet(GatewayDeployment::randomSecret);
    String webhookSecret = settings.webhookSecret().orElseGet(GatewayDeployment::randomSecret);
    Future<String> sandboxUrl =
        config.verticles().runs(VerticleKind.SANDBOX)
            ? sandbox(vertx, config, clock, apiKey, webhookSecret)
            : Future.succeededFuture(null);
    return sandboxUrl.map(
        localSandbox -> {
          if (!config.verticles().runs(VerticleKind.PAYMENT)) {
            return null;
          }
          // MarketplaceConfig refuses a payment node with neither a gateway URL nor the sandbox.
          return settings.gatewayUrl().isPresent()
              ? PaymentVerticle.Settings.from(
                  config,
                  database,
                  settings.gatewayUrl().get(),
                  settings.apiKey().get(),
                  settings.webhookSecret().get())
              : PaymentVerticle.Settings.from(
                  config, database, localSandbox, apiKey, webhookSecret);
        });
  }

  /** Deploys the sandbox; completes with the URL this process reaches it on. */
  private static Future<String> sandbox(
      Vertx vertx, MarketplaceConfig config, Clock clock, String apiKey, String webhookSecret) {
    PaymentSettings settings = config.payments();
    SandboxGatewayVerticle sandbox =
        new SandboxGatewayVerticle(
            new SandboxGatewayVerticle.Settings(
                settings.sandboxHost(),
                settings.sandboxPort(),
                apiKey,
                webhookSecret,
                settings
                    .sandboxWebhookUrl()
                    .orElse(
                        "http://127.0.0.1:"
                            + config.httpPort()
                            + "/api/payments/webhooks/"
                            + settings.provider()),
                // Slower than the client waits, so that tok_slow always times out.
                Duration.ofMillis(settings.timeoutMillis() * 4L)),
            clock);
    String host =
        settings.sandboxHost().equals("0.0.0.0") || settings.sandboxHost().equals("::")
            ? "127.0.0.1"
            : settings.sandboxHost();
    return vertx
        .deployVerticle(sandbox)
        .map(deployed -> "http://" + hostInUrl(host) + ":" + sandbox.actualPort());
  }

  private static String hostInUrl(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  private static String randomSecret() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return HexFormat.of().formatHex(secret);
  }
}
