package dev.marketplace.account;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Checks an email and password for one role. An unknown email, a wrong password and an account of
 * the other role all get the same answer after the same work (a hash is always verified), so the
 * answer and its timing tell nobody which emails are registered.
 */
public final class LoginUser implements OperationHandler {

  private final Vertx vertx;
  private final Role role;
  private final UserRepository users;
  private final PasswordHasher hasher;
  private final String decoyHash;

  public LoginUser(
      Vertx vertx, Role role, UserRepository users, PasswordHasher hasher, String decoyHash) {
    this.vertx = vertx;
    this.role = role;
    this.users = users;
    this.hasher = hasher;
    this.decoyHash = decoyHash;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    JsonObject body = request.body();
    String email = body.getString("email").strip();
    String password = body.getString("password");
    return users
        .findByEmail(email)
        .compose(
            found -> {
              String hash =
                  found.map(UserRepository.StoredCredentials::passwordHash).orElse(decoyHash);
              return vertx
                  .executeBlocking(() -> hasher.verify(password, hash), false)
                  .map(
                      matches -> {
                        boolean accepted =
                            matches
                                && found.isPresent()
                                && found.get().user().role().equals(role.dbValue());
                        if (!accepted) {
                          throw new DomainException(
                              ErrorCode.INVALID_CREDENTIALS, "Email or password is wrong.");
                        }
                        return Reply.ok(found.get().user().toJson());
                      });
            });
  }
}
