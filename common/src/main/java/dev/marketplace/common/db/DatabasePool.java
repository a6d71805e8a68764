package dev.marketplace.common.db;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.concurrent.TimeUnit;

/**
 * The one connection pool of a JVM. Every verticle asks for it by the same name, so they share one
 * set of connections sized for the whole process; it closes when the last verticle using it stops.
 * Waiting for a connection, and opening one, each give up after {@link
 * PoolSettings#connectionTimeout()}. Each connection opens on the host that accepts writes, found
 * anew after a failover ({@link PrimaryLocator}).
 */
public final class DatabasePool {

  private static final String SHARED_NAME = "marketplace-db";

  private DatabasePool() {}

  public static Pool shared(Vertx vertx, PoolSettings settings) {
    int waitMillis = (int) settings.connectionTimeout().toMillis();
    PoolOptions poolOptions =
        new PoolOptions()
            .setShared(true)
            .setName(SHARED_NAME)
            .setMaxSize(settings.size())
            .setMaxWaitQueueSize(10_000)
            .setConnectionTimeout(waitMillis)
            .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
            .setIdleTimeout(60);
    return PgBuilder.pool()
        .with(poolOptions)
        .with(new NetClientOptions().setConnectTimeout(waitMillis))
        .connectingTo(primaryOf(vertx, settings))
        .using(vertx)
        .build();
  }

  /**
   * A pool of its own on {@code settings}' primary, for a command that runs once and closes it (the
   * sales rollup's rebuild).
   */
  public static Pool once(Vertx vertx, PoolSettings settings) {
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(settings.size()))
        .connectingTo(primaryOf(vertx, settings))
        .using(vertx)
        .build();
  }

  static PrimaryLocator primaryOf(Vertx vertx, PoolSettings settings) {
    // A check that takes longer than a request may wait for a connection serves no request.
    return PrimaryLocator.of(vertx, settings.database(), settings.connectionTimeout());
  }
}
