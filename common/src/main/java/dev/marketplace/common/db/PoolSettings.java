package dev.marketplace.common.db;

import dev.marketplace.common.config.MarketplaceConfig;
import java.time.Duration;
import java.util.Optional;

/**
 * The database a verticle works on, the size of the one pool that every verticle of the process
 * shares, how long a request waits for one of its connections (and for one to open), and the
 * replicas that may serve its reads, if any.
 */
public record PoolSettings(
    DatabaseSettings database,
    int size,
    Duration connectionTimeout,
    Optional<ReplicaSettings> replicas) {

  /** Replicas of the database, and how far behind the primary one may be and still serve. */
  public record ReplicaSettings(DatabaseSettings database, Duration maxLag) {}

  /** A pool on the primary alone. */
  public PoolSettings(DatabaseSettings database, int size, Duration connectionTimeout) {
    this(database, size, connectionTimeout, Optional.empty());
  }

  /**
   * The pool of a server configured with {@code config}: it gives up waiting for a connection well
   * inside the request timeout, so that a database too slow to hand one out answers 503 while the
   * client is still waiting, rather than leaving the request to the edge's 504.
   */
  public static PoolSettings from(MarketplaceConfig config, DatabaseSettings database) {
    return new PoolSettings(
        database,
        config.databasePoolSize(),
        Duration.ofMillis(connectionTimeoutMillis(config.requestTimeoutMillis())),
        replicasOf(config));
  }

  /**
   * The replicas {@code MARKETPLACE_DB_READ_URL} lists, if it is set.
   *
   * @throws IllegalArgumentException naming the variable, if it is not a PostgreSQL URI
   */
  public static Optional<ReplicaSettings> replicasOf(MarketplaceConfig config) {
    return config
        .readReplicas()
        .url()
        .map(
            url -> {
              try {
                return new ReplicaSettings(
                    DatabaseSettings.fromUri(url), config.readReplicas().maxLag());
              } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("MARKETPLACE_DB_READ_URL: " + e.getMessage(), e);
              }
            });
  }

  /** How long a request may wait for a connection: half its own timeout. */
  public static long connectionTimeoutMillis(long requestTimeoutMillis) {
    return Math.max(50, requestTimeoutMillis / 2);
  }
}
