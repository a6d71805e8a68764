package dev.marketplace.app;

import dev.marketplace.common.config.MarketplaceConfig;
import dev.marketplace.common.db.DatabaseSettings;
import dev.marketplace.common.db.EmbeddedDatabase;
import dev.marketplace.common.db.SchemaMigrator;
import dev.marketplace.common.security.SigningKeys;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar marketplace.jar}: reads {@code MARKETPLACE_*} variables, brings the schema up to
 * date, deploys every verticle (or, as a cluster node, the chosen ones) and serves until SIGTERM,
 * then drains and stops ({@link GracefulShutdown}).
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
    SigningKeys keys = null;
    if (config.verticles().useSigningKeys()) {
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
    }
    GracefulShutdown shutdown =
        new GracefulShutdown(Duration.ofSeconds(config.shutdownGraceSeconds())).onExit();
    DatabaseSettings database = null;
    if (config.verticles().useDatabase()) {
      try {
        if (config.databaseUrl().isPresent()) {
          database = DatabaseSettings.fromUri(config.databaseUrl().get());
        } else if (config.cluster().isPresent()) {
          System.err.println(
              "marketplace: cluster nodes share one database: set"
                  + " MARKETPLACE_DB_URL=postgresql://user:password@host:5432/db on every node");
          System.exit(2);
          return;
        } else {
          EmbeddedDatabase embedded =
              EmbeddedDatabase.start(config.dataDirectory().resolve("postgres"));
          shutdown.databaseStarted(embedded);
          database = embedded.database("marketplace");
          LOG.info("Embedded PostgreSQL running with its data in {}", embedded.dataDirectory());
        }
        // Nodes starting together queue on Flyway's lock; each finds the schema up to date.
        SchemaMigrator.migrate(database);
      } catch (Exception e) {
        System.err.println("marketplace: cannot prepare the database: " + e.getMessage());
        System.exit(1);
        return;
      }
    }
    try {
      shutdown.nodeStarted(
          MarketplaceNode.start(config, database, keys, Clock.systemUTC()).await());
    } catch (Exception e) {
      LOG.error("Marketplace failed to start", e);
      System.exit(1);
      return;
    }
    if (config.cluster().isPresent()) {
      LOG.info(
          "Cluster node running {} (cluster {} on {}:{})",
          config.verticles().kinds(),
          config.cluster().get().name(),
          config.cluster().get().host(),
          config.cluster().get().port());
    } else {
      LOG.info("Marketplace listening on port {}", config.httpPort());
    }
  }
}
