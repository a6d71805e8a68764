package dev.marketplace.common.bus;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;

/** Tells a database that cannot be reached apart from a bug in a query. */
final class DatabaseFailures {

  private DatabaseFailures() {}

  static boolean isUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof ClosedConnectionException) {
        return true;
      }
      if (t instanceof PgException pg && isUnavailableState(pg.getSqlState())) {
        return true;
      }
    }
    return false;
  }

  // Class 08: connection exceptions; 53300: too many connections; 57P0x: the server is going away.
  private static boolean isUnavailableState(String sqlState) {
    return sqlState != null
        && (sqlState.startsWith("08") || sqlState.equals("53300") || sqlState.startsWith("57P0"));
  }
}
