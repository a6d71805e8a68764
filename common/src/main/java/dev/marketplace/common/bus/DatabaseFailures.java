package dev.marketplace.common.bus;

import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;

/**
 * Tells a database that cannot serve us now (down, unreachable, too slow to hand out a connection)
 * apart from a bug in a query. The first answers 503 and is worth retrying; the second is a 500.
 */
final class DatabaseFailures {

  /** What the Vert.x SQL pool fails with when no connection frees up in time. */
  private static final String POOL_QUERY_TIMEOUT = "Timeout waiting for connection";

  private static final String POOL_ACQUIRE_TIMEOUT = "Timeout";

  private DatabaseFailures() {}

  static boolean isUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof ClosedConnectionException
          || t instanceof ConnectionPoolTooBusyException
          || isPoolTimeout(t)) {
        return true;
      }
      if (t instanceof PgException pg && isUnavailableState(pg.getSqlState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The pool reports a wait for a connection that ran out of time with a bare message, not a type
   * of its own, in a {@code VertxException}: {@code pool.query(...)} with one message, {@code
   * getConnection} and {@code withTransaction} (through a subclass internal to Vert.x) with
   * another. {@code DatabaseFailuresTest} fails if an upgrade changes either.
   */
  private static boolean isPoolTimeout(Throwable t) {
    return t instanceof VertxException
        && (POOL_QUERY_TIMEOUT.equals(t.getMessage())
            || POOL_ACQUIRE_TIMEOUT.equals(t.getMessage()));
  }

  // Class 08: connection exceptions; 53300: too many connections; 57P0x: the server is going away.
  private static boolean isUnavailableState(String sqlState) {
    return sqlState != null
        && (sqlState.startsWith("08") || sqlState.equals("53300") || sqlState.startsWith("57P0"));
  }
}
