package dev.marketplace.common.db;

import java.net.ConnectException;

/**
 * None of the database's hosts accepts writes at the moment: all down, or all standbys (a failover
 * under way, before a standby is promoted). A connection to the primary cannot be made, so a
 * request that needs it answers 503, as for a refused connection.
 */
public final class NoPrimaryException extends ConnectException {

  public NoPrimaryException(String message) {
    super(message);
  }

  /** Thrown for every request during an outage: the message says all there is to say. */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
