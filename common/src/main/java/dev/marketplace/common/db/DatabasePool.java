package dev.marketplace.common.db;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.concurrent.TimeUnit;

/**
 * The one connection pool of a JVM. Every verticle asks for it by the same name, so they share one
 * set of connections sized for the whole process; it closes when the last verticle using it stops.
 *
 * <p>Waiting for a connection, and opening one, each give up after half the request timeout: a
 * database too slow to hand out a connection then answers 503 from the domain verticle while the
 * client is still waiting, rather than leaving the request to the edge's 504 or, worse, failing
 * after the client has gone.
 */
public final class DatabasePool {

  private static final String SHARED_NAME = "marketplace-db";

  private DatabasePool() {}

  /** The pool for a verticle deployed with {@code MarketplaceConfig#verticleConfig}. */
  public static Pool shared(Vertx vertx, JsonObject verticleConfig) {
    DatabaseSettings settings = DatabaseSettings.fromJson(verticleConfig.getJsonObject("db"));
    long waitMillis = connectionTimeoutMillis(verticleConfig.getLong("request_timeout_ms"));
    return PgBuilder.pool()
        .with(options(verticleConfig.getInteger("db_pool_size"), waitMillis))
        .with(new NetClientOptions().setConnectTimeout((int) waitMillis))
        .connectingTo(settings.connectOptions())
        .using(vertx)
        .build();
  }

  /** How long a request may wait for a connection: well inside its own timeout. */
  public static long connectionTimeoutMillis(long requestTimeoutMillis) {
    return Math.max(50, requestTimeoutMillis / 2);
  }

  static PoolOptions options(int size, long connectionTimeoutMillis) {
    return new PoolOptions()
        .setShared(true)
        .setName(SHARED_NAME)
        .setMaxSize(size)
        .setMaxWaitQueueSize(10_000)
        .setConnectionTimeout((int) connectionTimeoutMillis)
        .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
        .setIdleTimeout(60);
  }
}
