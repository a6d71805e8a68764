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
 * PoolSettings#connectionTimeout()}.
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
        .connectingTo(settings.database().connectOptions())
        .using(vertx)
        .build();
  }
}
