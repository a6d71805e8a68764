package dev.marketplace.app;

import dev.marketplace.account.AccountVerticle;
import dev.marketplace.api.ApiVerticle;
import dev.marketplace.catalog.CatalogVerticle;
import dev.marketplace.common.config.MarketplaceConfig;
import dev.marketplace.common.config.PaymentSettings;
import dev.marketplace.common.db.DatabaseSettings;
import dev.marketplace.common.security.SigningKeys;
import dev.marketplace.order.OrderVerticle;
import dev.marketplace.payment.PaymentVerticle;
import dev.marketplace.payment.sandbox.SandboxGatewayVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Deploys every verticle of the marketplace into one Vert.x instance: the domain verticles first,
 * so that the HTTP edge opens only when every address it forwards to is served. The private signing
 * key goes to the account verticle only; the edge gets the public key.
 */
public final class Marketplace {

  private Marketplace() {}

  /**
   * Deploys everything against a migrated database; completes, once the HTTP port is open, with the
   * edge's deployment id, which a graceful stop undeploys first ({@link GracefulShutdown}).
   */
  public static Future<String> deploy(
      Vertx vertx,
      MarketplaceConfig config,
      DatabaseSettings database,
      SigningKeys keys,
      Clock clock) {
    JsonObject shared = config.verticleConfig().put("db", database.toJson());
    DeploymentOptions domain = options(config, shared);
    DeploymentOptions accounts =
        options(config, shared.copy().put("jwt_private_key", keys.privateKeyPem()));
    DeploymentOptions edge =
        options(config, shared.copy().put("jwt_public_key", keys.publicKeyPem()));
    return gateway(vertx, config, clock)
        .compose(
            payments ->
                Future.all(
                    vertx.deployVerticle(() -> new AccountVerticle(clock), accounts),
                    vertx.deployVerticle(CatalogVerticle::new, domain),
                    vertx.deployVerticle(() -> new OrderVerticle(clock), domain),
                    vertx.deployVerticle(
                        () -> new PaymentVerticle(clock),
                        options(config, shared.copy().put("payments", payments)))))
        .compose(domains -> vertx.deployVerticle(ApiVerticle::new, edge));
  }

  /**
   * The payment verticle's gateway settings: the configured gateway, or the sandbox, started here
   * with fresh secrets unless some are given, and sending its webhooks to our own HTTP port.
   */
  private static Future<JsonObject> gateway(Vertx vertx, MarketplaceConfig config, Clock clock) {
    PaymentSettings settings = config.payments();
    if (!settings.usesSandbox()) {
      return Future.succeededFuture(
          settings.toVerticleConfig(
              settings.gatewayUrl().get(),
              settings.apiKey().get(),
              settings.webhookSecret().get()));
    }
    String apiKey = settings.apiKey().orElseGet(Marketplace::randomSecret);
    String webhookSecret = settings.webhookSecret().orElseGet(Marketplace::randomSecret);
    SandboxGatewayVerticle sandbox = new SandboxGatewayVerticle(clock);
    JsonObject sandboxConfig =
        new JsonObject()
            .put("port", settings.sandboxPort())
            .put("api_key", apiKey)
            .put("webhook_secret", webhookSecret)
            .put(
                "webhook_url",
                "http://127.0.0.1:"
                    + config.httpPort()
                    + "/api/payments/webhooks/"
                    + settings.provider())
            // Slower than the client waits, so that tok_slow always times out.
            .put("slow_ms", settings.timeoutMillis() * 4L);
    return vertx
        .deployVerticle(sandbox, new DeploymentOptions().setConfig(sandboxConfig))
        .map(
            deployed ->
                settings.toVerticleConfig(
                    "http://127.0.0.1:" + sandbox.actualPort(), apiKey, webhookSecret));
  }

  private static String randomSecret() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return HexFormat.of().formatHex(secret);
  }

  private static DeploymentOptions options(MarketplaceConfig config, JsonObject verticleConfig) {
    return new DeploymentOptions()
        .setConfig(verticleConfig)
        .setInstances(config.verticleInstances());
  }
}
