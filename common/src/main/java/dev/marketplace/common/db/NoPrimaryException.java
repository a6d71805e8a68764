package dev.marketplace.common.db;

import io.vertx.core.VertxException;

/**
 * None of the database's hosts accepts writes at the moment: all down, or all standbys (a failover
 * under way, before a standby is promoted). A request that needs the primary answers 503.
 */
public final class NoPrimaryException extends VertxException {

  public NoPrimaryException(String message) {
    super(message, true);
  }
}
