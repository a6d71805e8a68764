package dev.marketplace.app;

import dev.marketplace.account.AccountVerticle;
import dev.marketplace.api.ApiVerticle;
import dev.marketplace.catalog.CatalogVerticle;
import dev.marketplace.common.config.MarketplaceConfig;
import dev.marketplace.common.db.DatabaseSettings;
import dev.marketplace.order.OrderVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Deploys every verticle of the marketplace into one Vert.x instance: the domain verticles first,
 * so that the HTTP edge opens only when every address it forwards to is served.
 */
public final class Marketplace {

  private Marketplace() {}

  /** Deploys everything against a migrated database; completes once the HTTP port is open. */
  public static Future<Void> deploy(
      Vertx vertx, MarketplaceConfig config, DatabaseSettings database) {
    JsonObject verticleConfig = config.verticleConfig().put("db", database.toJson());
    DeploymentOptions options =
        new DeploymentOptions().setConfig(verticleConfig).setInstances(config.verticleInstances());
    return Future.all(
            vertx.deployVerticle(AccountVerticle::new, options),
            vertx.deployVerticle(CatalogVerticle::new, options),
            vertx.deployVerticle(OrderVerticle::new, options))
        .compose(domains -> vertx.deployVerticle(ApiVerticle::new, options))
        .mapEmpty();
  }
}
