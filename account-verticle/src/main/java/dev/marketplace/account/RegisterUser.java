package dev.marketplace.account;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

/** Registers a buyer or a seller with a hashed password. */
public final class RegisterUser implements OperationHandler {

  private final Vertx vertx;
  private final Pool pool;
  private final Role role;
  private final UserRepository users;
  private final PasswordHasher hasher;

  public RegisterUser(
      Vertx vertx, Pool pool, Role role, UserRepository users, PasswordHasher hasher) {
    this.vertx = vertx;
    this.pool = pool;
    this.role = role;
    this.users = users;
    this.hasher = hasher;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    JsonObject body = request.body();
    String name = body.getString("name").strip();
    String email = body.getString("email").strip();
    String password = body.getString("password");
    return vertx
        .executeBlocking(() -> hasher.hash(password), false)
        .compose(hash -> users.insert(pool, name, email, role, hash))
        .map(user -> Reply.created(user.toJson()));
  }
}
