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
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Deploys every verticle of the marketplace into one Vert.x instance: the domain verticles first,
 * so that the HTTP edge opens only when every address it forwards to is served. The private signing
 * key goes to the account verticle only; the edge gets the public key.
 */
public final class Marketplace {

  private Marketplace() {}

  /** Deploys everything against a migrated database; completes once the HTTP port is open. */
  public static Future<Void> deploy(
      Vertx vertx,
      MarketplaceConfig config,
      DatabaseSettings database,
      SigningKeys keys,
      Clock clock) {
    DeploymentOptions instances = new DeploymentOptions().setInstances(config.verticleInstances());
    AccountVerticle.Settings accounts =
        AccountVerticle.Settings.from(config, database, keys.privateKeyPem());
    CatalogVerticle.Settings catalog = CatalogVerticle.Settings.from(config, database);
    OrderVerticle.Settings orders = OrderVerticle.Settings.from(config, database);
    ApiVerticle.Settings edge = ApiVerticle.Settings.from(config, keys.publicKeyPem());
    return gateway(vertx, config, database, clock)
        .compose(
            payments ->
                Future.all(
                    vertx.deployVerticle(() -> new AccountVerticle(accounts, clock), instances),
                    vertx.deployVerticle(() -> new CatalogVerticle(catalog), instances),
                    vertx.deployVerticle(() -> new OrderVerticle(orders, clock), instances),
                    vertx.deployVerticle(() -> new PaymentVerticle(payments, clock), instances)))
        .compose(domains -> vertx.deployVerticle(() -> new ApiVerticle(edge), instances))
        .mapEmpty();
  }

  /**
   * The payment verticle's gateway settings: the configured gateway, or the sandbox, started here
   * with fresh secrets unless some are given, and sending its webhooks to our own HTTP port.
   */
  private static Future<PaymentVerticle.Settings> gateway(
      Vertx vertx, MarketplaceConfig config, DatabaseSettings database, Clock clock) {
    PaymentSettings settings = config.payments();
    if (!settings.usesSandbox()) {
      return Future.succeededFuture(
          PaymentVerticle.Settings.from(
              config,
              database,
              settings.gatewayUrl().get(),
              settings.apiKey().get(),
              settings.webhookSecret().get()));
    }
    String apiKey = settings.apiKey().orElseGet(Marketplace::randomSecret);
    String webhookSecret = settings.webhookSecret().orElseGet(Marketplace::randomSecret);
    SandboxGatewayVerticle sandbox =
        new SandboxGatewayVerticle(
            new SandboxGatewayVerticle.Settings(
                settings.sandboxPort(),
                apiKey,
                webhookSecret,
                "http://127.0.0.1:"
                    + config.httpPort()
                    + "/api/payments/webhooks/"
                    + settings.provider(),
                // Slower than the client waits, so that tok_slow always times out.
                Duration.ofMillis(settings.timeoutMillis() * 4L)),
            clock);
    return vertx
        .deployVerticle(sandbox)
        .map(
            deployed ->
                PaymentVerticle.Settings.from(
                    config,
                    database,
                    "http://127.0.0.1:" + sandbox.actualPort(),
                    apiKey,
                    webhookSecret));
  }

  private static String randomSecret() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return HexFormat.of().formatHex(secret);
  }
}
