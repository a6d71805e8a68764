package dev.marketplace.account;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.error.DomainException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/**
 * The caller's own account (the edge has checked that the path names the caller): what a
 * registration's {@code Location} points at.
 */
public final class AccountDetail implements OperationHandler {

  private final Pool pool;
  private final UserRepository users;

  public AccountDetail(Pool pool, UserRepository users) {
    this.pool = pool;
    this.users = users;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    long accountId = request.callerId();
    return users
        .find(pool, accountId)
        .map(
            user ->
                Reply.ok(
                    user.orElseThrow(
                            () -> DomainException.notFound("Account " + accountId + " not found."))
                        .toJson()));
  }
}
