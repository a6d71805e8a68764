package dev.marketplace.account;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import io.vertx.core.Future;

/** Exchanges a refresh token for a new access token and a new refresh token. */
public final class RefreshSession implements OperationHandler {

  private final Sessions sessions;

  public RefreshSession(Sessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    return sessions.refresh(request.body().getString("refresh_token")).map(Reply::ok);
  }
}
