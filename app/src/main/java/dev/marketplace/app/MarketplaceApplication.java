package dev.marketplace.app;

import dev.marketplace.common.config.MarketplaceConfig;
import dev.marketplace.common.db.DatabaseSettings;
import dev.marketplace.common.db.EmbeddedDatabase;
import dev.marketplace.common.db.SchemaMigrator;
import dev.marketplace.common.security.SigningKeys;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar marketplace.jar}: reads {@code MARKETPLACE_*} variables, brings the schema up to
 * date, deploys every verticle and serves until SIGTERM, then drains and stops ({@link
 * GracefulShutdown}).
 */
public final class MarketplaceApplication {

  private static final Logger LOG = LoggerFactory.getLogger(MarketplaceApplication.class);

  private MarketplaceApplication() {}

  public static void main(String[] args) {
    MarketplaceConfig config;
    try {
      config = MarketplaceConfig.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("marketplace: " + e.getMessage());
      System.exit(2);
      return;
    }
    SigningKeys keys;
    try {
      keys =
          SigningKeys.loadOrCreate(
              config.jwtPrivateKeyFile(),
              config.jwtPublicKeyFile(),
              config.dataDirectory().resolve("keys"));
    } catch (Exception e) {
      System.err.println("marketplace: cannot load the token signing keys: " + e.getMessage());
      System.exit(2);
      return;
    }
    Vertx vertx = InstrumentedVertx.create(config.metricsEnabled());
    GracefulShutdown shutdown =
        new GracefulShutdown(vertx, Duration.ofSeconds(config.shutdownGraceSeconds())).onExit();
    DatabaseSettings database;
    try {
      if (config.databaseUrl().isPresent()) {
        database = DatabaseSettings.fromUri(config.databaseUrl().get());
      } else {
        EmbeddedDatabase embedded =
            EmbeddedDatabase.start(config.dataDirectory().resolve("postgres"));
        shutdown.databaseStarted(embedded);
        database = embedded.database("marketplace");
        LOG.info("Embedded PostgreSQL running with its data in {}", embedded.dataDirectory());
      }
      SchemaMigrator.migrate(database);
    } catch (Exception e) {
      System.err.println("marketplace: cannot prepare the database: " + e.getMessage());
      System.exit(1);
      return;
    }
    try {
      shutdown.edgeDeployed(
          Marketplace.deploy(vertx, config, database, keys, Clock.systemUTC()).await());
      LOG.info("Marketplace listening on port {}", config.httpPort());
    } catch (Exception e) {
      LOG.error("Marketplace failed to start", e);
      System.exit(1);
    }
  }
}
