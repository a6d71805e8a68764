package dev.marketplace.account;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;

/**
 * Keeps the session tables from growing without end: deletes expired refresh tokens and login
 * failures that no longer count. Runs on the verticle's sweep timer; also an internal event-bus
 * action, for tests and operators.
 */
public final class PurgeExpiredSessions implements OperationHandler {

  private final Pool pool;
  private final RefreshTokenRepository tokens;
  private final LoginThrottle throttle;
  private final Clock clock;

  public PurgeExpiredSessions(
      Pool pool, RefreshTokenRepository tokens, LoginThrottle throttle, Clock clock) {
    this.pool = pool;
    this.tokens = tokens;
    this.throttle = throttle;
    this.clock = clock;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    return purge();
  }

  public Future<Reply> purge() {
    return tokens
        .purgeExpired(pool, clock.instant())
        .compose(
            purgedTokens ->
                throttle
                    .forgetOldFailures()
                    .map(
                        forgotten ->
                            Reply.ok(
                                new JsonObject()
                                    .put("refresh_tokens", purgedTokens)
                                    .put("login_failures", forgotten))));
  }
}
