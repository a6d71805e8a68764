package dev.marketplace.app;

import dev.marketplace.common.config.MarketplaceConfig;
import dev.marketplace.common.db.DatabaseSettings;
import dev.marketplace.common.db.EmbeddedDatabase;
import dev.marketplace.common.db.PoolSettings;
import dev.marketplace.common.db.SchemaMigrator;
import dev.marketplace.common.security.SigningKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar marketplace.jar}: reads {@code MARKETPLACE_*} variables, brings the schema up to
 * date, deploys every verticle (or, as a cluster node, the chosen ones) and serves until SIGTERM,
 * then drains and stops ({@link GracefulShutdown}). With {@value RebuildSalesRollupCommand#NAME} it
 * runs that operator command against the same database instead, and exits.
 */
public final class MarketplaceApplication {

  private static final Logger LOG = LoggerFactory.getLogger(MarketplaceApplication.class);

  private MarketplaceApplication() {}

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
      PoolSettings.replicasOf(config);
    } catch (IllegalArgumentException e) {
      System.err.println("marketplace: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (rebuild) {
      System.exit(rebuildSalesRollup(config));
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
    DatabaseSettings database =
        config.verticles().useDatabase()
            ? prepareDatabase(config, shutdown::databaseStarted)
            : null;
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

  /**
   * The configured database, or an embedded one (handed to {@code started}, which must close it),
   * with its schema up to date; exits the process with the reason when neither can be had.
   */
  private static DatabaseSettings prepareDatabase(
      MarketplaceConfig config, Consumer<EmbeddedDatabase> started) {
    try {
      DatabaseSettings database;
      if (config.databaseUrl().isPresent()) {
        database = DatabaseSettings.fromUri(config.databaseUrl().get());
      } else if (config.cluster().isPresent()) {
        System.err.println(
            "marketplace: cluster nodes share one database: set"
                + " MARKETPLACE_DB_URL=postgresql://user:password@host:5432/db on every node");
        System.exit(2);
        return null;
      } else {
        EmbeddedDatabase embedded =
            EmbeddedDatabase.start(config.dataDirectory().resolve("postgres"));
        started.accept(embedded);
        database = embedded.database("marketplace");
        LOG.info("Embedded PostgreSQL running with its data in {}", embedded.dataDirectory());
      }
      // Nodes starting together queue on Flyway's lock; each finds the schema up to date.
      SchemaMigrator.migrate(database);
      return database;
    } catch (Exception e) {
      System.err.println("marketplace: cannot prepare the database: " + e.getMessage());
      System.exit(1);
      return null;
    }
  }

  /** Runs the operator's rebuild of the sales rollup; returns the exit status. */
  private static int rebuildSalesRollup(MarketplaceConfig config) {
    List<EmbeddedDatabase> embedded = new ArrayList<>(1);
    DatabaseSettings database = prepareDatabase(config, embedded::add);
    try {
      return RebuildSalesRollupCommand.run(database, System.out, System.err);
    } finally {
      for (EmbeddedDatabase started : embedded) {
        try {
          started.close();
        } catch (Exception e) {
          LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.toString());
        }
      }
    }
  }
}
