package dev.marketplace.common.bus;

import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;

/**
 * Tells a database that cannot serve us now (down, unreachable, too slow to hand out a connection,
 * or in the middle of a failover: no host accepts writes, or the one we wrote to has become
 * read-only) apart from a bug in a query. The first answers 503 and is worth retrying; the second
 * is a 500.
 */
public final class DatabaseFailures {

  /** What the Vert.x SQL pool fails with when no connection frees up in time. */
  private static final String POOL_QUERY_TIMEOUT = "Timeout waiting for connection";

  private static final String POOL_ACQUIRE_TIMEOUT = "Timeout";

  /** What a pooled connection fails with when the server closed it just before a query. */
  private static final String CONNECTION_CLOSED = "Connection is not active now";

  private DatabaseFailures() {}

  /**
   * Whether {@code failure} says the database cannot serve now. A connection refused covers the
   * pool's {@code NoPrimaryException} too (no host accepts writes: a failover under way).
   */
  public static boolean isUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SocketException
          || t instanceof ClosedChannelException
          || t instanceof ClosedConnectionException
          || t instanceof ConnectionPoolTooBusyException
          || isPoolTimeout(t)
          || isClosedConnection(t)) {
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

  private static boolean isClosedConnection(Throwable t) {
    return t instanceof VertxException
        && t.getMessage() != null
        && t.getMessage().startsWith(CONNECTION_CLOSED);
  }

  // Class 08: connection exceptions; 53300: too many connections; 57P0x: the server is going away;
  // 25006: a write reached a server that has become read-only (a standby, or a fenced primary).
  // 55P03: a row lock not granted within lock_timeout; 25P03: our session sat idle in a transaction
  // too long (this process was frozen) and the server ended it. Both are worth retrying.
  private static boolean isUnavailableState(String sqlState) {
    return sqlState != null
        && (sqlState.startsWith("08")
            || sqlState.equals("53300")
            || sqlState.startsWith("57P0")
            || sqlState.equals("25006")
            || sqlState.equals("55P03")
            || sqlState.equals("25P03"));
  }
}
