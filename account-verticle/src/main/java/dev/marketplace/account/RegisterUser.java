package dev.marketplace.account;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.bus.UnitOfWork;
import dev.marketplace.common.bus.WriteOperation;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Registers a buyer or a seller with a hashed password. With an {@code Idempotency-Key}, a retry of
 * the same registration gets the first answer (201) rather than 409 for its own email.
 */
public final class RegisterUser implements WriteOperation {

  /** Where {@link #prepare} leaves the hash, in place of the password. */
  private static final String PASSWORD_HASH = "password_hash";

  private final Vertx vertx;
  private final Role role;
  private final UserRepository users;
  private final PasswordHasher hasher;

  public RegisterUser(Vertx vertx, Role role, UserRepository users, PasswordHasher hasher) {
    this.vertx = vertx;
    this.role = role;
    this.users = users;
    this.hasher = hasher;
  }

  /** The password's hash, made before the transaction opens: hashing takes a while on purpose. */
  @Override
  public Future<BusRequest> prepare(BusRequest request) {
    JsonObject body = request.body();
    String password = body.getString("password");
    return vertx
        .executeBlocking(() -> hasher.hash(password), false)
        .map(
            hash -> {
              body.remove("password");
              body.put(PASSWORD_HASH, hash);
              return request;
            });
  }

  @Override
  public Future<Reply> handle(BusRequest request, UnitOfWork work) {
    JsonObject body = request.body();
    String name = body.getString("name").strip();
    String email = body.getString("email").strip();
    return users
        .insert(work.sql(), name, email, role, body.getString(PASSWORD_HASH))
        .map(user -> Reply.created(user.toJson()));
  }

  /** One insert. */
  @Override
  public boolean transactional() {
    return false;
  }
}
