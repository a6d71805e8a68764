package dev.marketplace.common.db;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/**
 * The one connection pool of a JVM. Every verticle asks for it by the same name, so they share one
 * set of connections sized for the whole process; it closes when the last verticle using it stops.
 */
public final class DatabasePool {

  private static final String SHARED_NAME = "marketplace-db";

  private DatabasePool() {}

  public static Pool shared(Vertx vertx, PoolSettings settings) {
    PoolOptions poolOptions =
        new PoolOptions()
            .setShared(true)
            .setName(SHARED_NAME)
            .setMaxSize(settings.size())
            .setMaxWaitQueueSize(10_000)
            .setConnectionTimeout(5)
            .setIdleTimeout(60);
    return PgBuilder.pool()
        .with(poolOptions)
        .connectingTo(settings.database().connectOptions())
        .using(vertx)
        .build();
  }
}
