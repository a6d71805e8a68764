package dev.marketplace.common.db;

import dev.marketplace.common.config.MarketplaceConfig;
import java.time.Duration;

/**
 * The database a verticle works on, the size of the one pool that every verticle of the process
 * shares, and how long a request waits for one of its connections (and for one to open).
 */
public record PoolSettings(DatabaseSettings database, int size, Duration connectionTimeout) {

  /**
   * The pool of a server configured with {@code config}: it gives up waiting for a connection well
   * inside the request timeout, so that a database too slow to hand one out answers 503 while the
   * client is still waiting, rather than leaving the request to the edge's 504.
   */
  public static PoolSettings from(MarketplaceConfig config, DatabaseSettings database) {
    return new PoolSettings(
        database,
        config.databasePoolSize(),
        Duration.ofMillis(connectionTimeoutMillis(config.requestTimeoutMillis())));
  }

  /** How long a request may wait for a connection: half its own timeout. */
  public static long connectionTimeoutMillis(long requestTimeoutMillis) {
    return Math.max(50, requestTimeoutMillis / 2);
  }
}
