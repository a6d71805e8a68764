package dev.marketplace.account;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.Optional;

/**
 * Checks an email and password for one role and starts a session. An unknown email, a wrong
 * password and an account of the other role all get the same answer after the same work (a hash is
 * always verified), so neither the answer nor its timing tells which emails are registered.
 */
public final class LoginUser implements OperationHandler {

  private final Vertx vertx;
  private final Pool pool;
  private final Role role;
  private final UserRepository users;
  private final PasswordHasher hasher;
  private final String decoyHash;
  private final LoginThrottle throttle;
  private final Sessions sessions;

  public LoginUser(
      Vertx vertx,
      Pool pool,
      Role role,
      UserRepository users,
      PasswordHasher hasher,
      String decoyHash,
      LoginThrottle throttle,
      Sessions sessions) {
    this.vertx = vertx;
    this.pool = pool;
    this.role = role;
    this.users = users;
    this.hasher = hasher;
    this.decoyHash = decoyHash;
    this.throttle = throttle;
    this.sessions = sessions;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    JsonObject body = request.body();
    String email = body.getString("email").strip();
    String password = body.getString("password");
    String client = String.valueOf(request.caller().clientAddress());
    return throttle
        .remainingLock(email, client)
        .compose(
            lock -> {
              if (lock.isPresent()) {
                // Rounded up: a client that waits exactly this long must find the lock gone.
                long seconds = Math.max(1, (lock.get().toMillis() + 999) / 1000);
                throw new DomainException(
                    ErrorCode.RATE_LIMITED,
                    "Too many failed logins; try again in " + seconds + " seconds.",
                    seconds);
              }
              return users.findByEmail(pool, email);
            })
        .compose(found -> check(found, password))
        .compose(
            user -> {
              if (user.isEmpty()) {
                return throttle
                    .recordFailure(email, client)
                    .compose(
                        recorded ->
                            Future.failedFuture(
                                new DomainException(
                                    ErrorCode.INVALID_CREDENTIALS, "Email or password is wrong.")));
              }
              return throttle
                  .clear(email, client)
                  .compose(cleared -> sessions.start(user.get()))
                  .map(tokens -> Reply.ok(user.get().toJson().mergeIn(tokens)));
            });
  }

  private Future<Optional<User>> check(
      Optional<UserRepository.StoredCredentials> found, String password) {
    String hash = found.map(UserRepository.StoredCredentials::passwordHash).orElse(decoyHash);
    return vertx
        .executeBlocking(() -> hasher.verify(password, hash), false)
        .map(
            matches ->
                matches && found.isPresent() && found.get().user().role().equals(role.dbValue())
                    ? Optional.of(found.get().user())
                    : Optional.empty());
  }
}
