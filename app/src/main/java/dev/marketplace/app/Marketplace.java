package dev.marketplace.app;

import dev.marketplace.account.AccountVerticle;
import dev.marketplace.api.ApiVerticle;
import dev.marketplace.catalog.CatalogVerticle;
import dev.marketplace.catalog.image.LegacyImageImport;
import dev.marketplace.common.config.MarketplaceConfig;
import dev.marketplace.common.config.NodeVerticles;
import dev.marketplace.common.config.VerticleKind;
import dev.marketplace.common.db.DatabasePool;
import dev.marketplace.common.db.DatabaseSettings;
import dev.marketplace.common.security.SigningKeys;
import dev.marketplace.order.OrderVerticle;
import dev.marketplace.payment.PaymentVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Deploys the verticles this process runs ({@link MarketplaceConfig#verticles()}: all of them
 * alone, the chosen ones in a cluster): the domain verticles first, so that an HTTP edge in the
 * same process opens only when every address it forwards to is served here. The private signing key
 * goes to the account verticle only; the edge gets the public key.
 */
public final class Marketplace {

  /** The event-bus address each domain verticle serves. */
  static final Map<VerticleKind, String> ADDRESSES =
      Map.of(
          VerticleKind.ACCOUNT, AccountVerticle.ADDRESS,
          VerticleKind.CATALOG, CatalogVerticle.ADDRESS,
          VerticleKind.ORDER, OrderVerticle.ADDRESS,
          VerticleKind.PAYMENT, PaymentVerticle.ADDRESS);

  private Marketplace() {}

  /**
   * Deploys against a migrated database; completes once every verticle has started (and the HTTP
   * port is open, if this process runs the api). {@code database} may be null when no verticle here
   * uses it, {@code keys} when none signs or verifies tokens.
   */
  public static Future<Void> deploy(
      Vertx vertx,
      MarketplaceConfig config,
      DatabaseSettings database,
      SigningKeys keys,
      Clock clock) {
    NodeVerticles node = config.verticles();
    JsonObject shared = config.verticleConfig();
    if (database != null) {
      shared.put("db", database.toJson());
    }
    return GatewayDeployment.deploy(vertx, config, clock)
        .compose(
            payments ->
                afterLegacyImages(
                    vertx,
                    config,
                    shared,
                    () -> deployDomain(vertx, node, shared, keys, clock, payments)))
        .compose(
            domain ->
                node.runs(VerticleKind.API)
                    ? vertx.deployVerticle(
                        ApiVerticle::new,
                        options(
                            node,
                            VerticleKind.API,
                            shared.copy().put("jwt_public_key", keys.publicKeyPem())))
                    : Future.succeededFuture())
        .mapEmpty();
  }

  private static Future<?> deployDomain(
      Vertx vertx,
      NodeVerticles node,
      JsonObject shared,
      SigningKeys keys,
      Clock clock,
      JsonObject payments) {
    List<Future<String>> deployed = new ArrayList<>();
    if (node.runs(VerticleKind.ACCOUNT)) {
      deployed.add(
          vertx.deployVerticle(
              () -> new AccountVerticle(clock),
              options(
                  node,
                  VerticleKind.ACCOUNT,
                  shared.copy().put("jwt_private_key", keys.privateKeyPem()))));
    }
    if (node.runs(VerticleKind.CATALOG)) {
      deployed.add(
          vertx.deployVerticle(CatalogVerticle::new, options(node, VerticleKind.CATALOG, shared)));
    }
    if (node.runs(VerticleKind.ORDER)) {
      deployed.add(
          vertx.deployVerticle(
              () -> new OrderVerticle(clock), options(node, VerticleKind.ORDER, shared)));
    }
    if (node.runs(VerticleKind.PAYMENT)) {
      deployed.add(
          vertx.deployVerticle(
              () -> new PaymentVerticle(clock),
              options(node, VerticleKind.PAYMENT, shared.copy().put("payments", payments))));
    }
    return Future.all(deployed);
  }

  /**
   * Earlier versions kept product images as files; a catalog node that finds them copies them into
   * the database, where every catalog node reads them, before {@code deploy} runs. The copy goes
   * through the process's shared pool, held until the verticles hold it too, so that the process
   * keeps one pool (and one set of pool metrics).
   */
  private static Future<?> afterLegacyImages(
      Vertx vertx,
      MarketplaceConfig config,
      JsonObject verticleConfig,
      Supplier<Future<?>> deploy) {
    if (!config.verticles().runs(VerticleKind.CATALOG)) {
      return deploy.get();
    }
    Pool pool = DatabasePool.shared(vertx, verticleConfig);
    return LegacyImageImport.run(vertx, pool, config.imageDirectory())
        .compose(imported -> deploy.get())
        .eventually(pool::close);
  }

  private static DeploymentOptions options(
      NodeVerticles node, VerticleKind kind, JsonObject verticleConfig) {
    return new DeploymentOptions().setConfig(verticleConfig).setInstances(node.instancesOf(kind));
  }
}
