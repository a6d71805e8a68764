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
 * then drains and stops. With {@value RebuildSalesRollupCommand#NAME} it runs that operator command
 * against the same database instead, and exits.
 */
public final class MarketplaceApplication {

  private static final Logger LOG = LoggerFactory.getLogger(MarketplaceApplication.class);

  private MarketplaceApplication() {}

  /** The database to use, migrated, and the embedded PostgreSQL serving it if we started one. */
  private record Database(DatabaseSettings settings, EmbeddedDatabase embedded) {}

  public static void main(String[] args) {
    boolean rebuild = args.length == 1 && RebuildSalesRollupCommand.NAME.equals(args[0]);
    if (args.length > 0 && !rebuild) {
      System.err.println(
          "usage: java -jar marketplace.jar [" + RebuildSalesRollupCommand.NAME + "]");
      System.exit(2);
      return;
    }
    MarketplaceConfig config;
    try {
      config = MarketplaceConfig.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("marketplace: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (rebuild) {
      Database database = prepareDatabase(config);
      int status = RebuildSalesRollupCommand.run(database.settings(), System.out, System.err);
      closeQuietly(database.embedded());
      System.exit(status);
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
    Database database =
        config.verticles().useDatabase() ? prepareDatabase(config) : new Database(null, null);

    MarketplaceNode node;
    try {
      node = MarketplaceNode.start(config, database.settings(), keys, Clock.systemUTC()).await();
    } catch (Exception e) {
      LOG.error("Marketplace failed to start", e);
      closeQuietly(database.embedded());
      System.exit(1);
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> stop(node, database.embedded()), "marketplace-shutdown"));
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

  /**
   * The configured database, or an embedded one, with its schema up to date; exits the process with
   * the reason when neither can be had.
   */
  private static Database prepareDatabase(MarketplaceConfig config) {
    EmbeddedDatabase embedded = null;
    try {
      DatabaseSettings database;
      if (config.databaseUrl().isPresent()) {
        database = DatabaseSettings.fromUri(config.databaseUrl().get());
      } else {
        String refusal = embeddedRefusal(config);
        if (refusal != null) {
          System.err.println("marketplace: " + refusal);
          System.exit(2);
        }
        embedded = EmbeddedDatabase.start(config.dataDirectory().resolve("postgres"), 0);
        database = embedded.database("marketplace");
        LOG.info("Embedded PostgreSQL running with its data in {}", config.dataDirectory());
      }
      // Nodes starting together queue on Flyway's lock; each finds the schema up to date.
      SchemaMigrator.migrate(database);
      return new Database(database, embedded);
    } catch (Exception e) {
      System.err.println("marketplace: cannot prepare the database: " + e.getMessage());
      closeQuietly(embedded);
      System.exit(1);
      throw new IllegalStateException("exited", e);
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
