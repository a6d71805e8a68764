package dev.marketplace.account;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import io.vertx.core.Future;

/** Ends the session a refresh token belongs to: that token and every token rotated from it. */
public final class Logout implements OperationHandler {

  private final Sessions sessions;

  public Logout(Sessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    return sessions.end(request.body().getString("refresh_token")).map(done -> Reply.noContent());
  }
}
