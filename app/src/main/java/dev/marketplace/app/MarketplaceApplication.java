package dev.marketplace.app;

import dev.marketplace.common.config.MarketplaceConfig;
import dev.marketplace.common.db.DatabaseSettings;
import dev.marketplace.common.db.EmbeddedDatabase;
import dev.marketplace.common.db.SchemaMigrator;
import dev.marketplace.common.security.SigningKeys;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar marketplace.jar}: reads {@code MARKETPLACE_*} variables, brings the schema up to
 * date, deploys every verticle (or, as a cluster node, the chosen ones) and serves until SIGTERM,
 * then drains and stops.
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
    EmbeddedDatabase embedded = null;
    DatabaseSettings database = null;
    if (config.verticles().useDatabase()) {
      try {
        if (config.databaseUrl().isPresent()) {
          database = DatabaseSettings.fromUri(config.databaseUrl().get());
        } else {
          String refusal = embeddedRefusal(config);
          if (refusal != null) {
            System.err.println("marketplace: " + refusal);
            System.exit(2);
            return;
          }
          embedded = EmbeddedDatabase.start(config.dataDirectory().resolve("postgres"), 0);
          database = embedded.database("marketplace");
          LOG.info("Embedded PostgreSQL running with its data in {}", config.dataDirectory());
        }
        // Nodes starting together queue on Flyway's lock; each finds the schema up to date.
        SchemaMigrator.migrate(database);
      } catch (Exception e) {
        System.err.println("marketplace: cannot prepare the database: " + e.getMessage());
        closeQuietly(embedded);
        System.exit(1);
        return;
      }
    }

    MarketplaceNode node;
    try {
      node = MarketplaceNode.start(config, database, keys, Clock.systemUTC()).await();
    } catch (Exception e) {
      LOG.error("Marketplace failed to start", e);
      closeQuietly(embedded);
      System.exit(1);
      return;
    }
    EmbeddedDatabase ownedDatabase = embedded;
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> stop(node, ownedDatabase), "marketplace-shutdown"));
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

  /** Why the embedded PostgreSQL cannot serve this process, or null if it can. */
  private static String embeddedRefusal(MarketplaceConfig config) {
    if (config.cluster().isPresent()) {
      return "cluster nodes share one database: set"
          + " MARKETPLACE_DB_URL=postgresql://user:password@host:5432/db on every node";
    }
    if (EmbeddedDatabase.refusedForCurrentUser()) {
      return "PostgreSQL refuses to run as root, so the embedded database cannot start; set"
          + " MARKETPLACE_DB_URL=postgresql://user:password@host:5432/db or run as another user.";
    }
    return null;
  }

  /**
   * Undeploys every verticle (the HTTP server stops taking requests first), leaves the cluster and
   * closes the pool.
   */
  private static void stop(MarketplaceNode node, EmbeddedDatabase embedded) {
    LOG.info("Shutting down");
    try {
      node.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("Vert.x did not close cleanly: {}", e.toString());
    }
    closeQuietly(embedded);
  }

  private static void closeQuietly(EmbeddedDatabase embedded) {
    if (embedded != null) {
      try {
        embedded.close();
      } catch (Exception e) {
        LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.toString());
      }
    }
  }
}
