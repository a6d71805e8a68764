package dev.marketplace.app;

import dev.marketplace.account.AccountVerticle;
import dev.marketplace.api.ApiVerticle;
import dev.marketplace.catalog.CatalogVerticle;
import dev.marketplace.common.config.MarketplaceConfig;
import dev.marketplace.common.db.DatabaseSettings;
import dev.marketplace.common.security.SigningKeys;
import dev.marketplace.order.OrderVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;

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
    JsonObject shared = config.verticleConfig().put("db", database.toJson());
    DeploymentOptions domain = options(config, shared);
    DeploymentOptions accounts =
        options(config, shared.copy().put("jwt_private_key", keys.privateKeyPem()));
    DeploymentOptions edge =
        options(config, shared.copy().put("jwt_public_key", keys.publicKeyPem()));
    return Future.all(
            vertx.deployVerticle(() -> new AccountVerticle(clock), accounts),
            vertx.deployVerticle(CatalogVerticle::new, domain),
            vertx.deployVerticle(() -> new OrderVerticle(clock), domain))
        .compose(domains -> vertx.deployVerticle(ApiVerticle::new, edge))
        .mapEmpty();
  }

  private static DeploymentOptions options(MarketplaceConfig config, JsonObject verticleConfig) {
    return new DeploymentOptions()
        .setConfig(verticleConfig)
        .setInstances(config.verticleInstances());
  }
}
