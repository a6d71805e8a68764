package dev.marketplace.account;

import dev.marketplace.common.bus.OperationDispatcher;
import dev.marketplace.common.db.DatabasePool;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import java.util.UUID;

/** Users and credentials, served on the {@value #ADDRESS} address. */
public final class AccountVerticle extends VerticleBase {

  public static final String ADDRESS = "accounts";

  @Override
  public Future<?> start() {
    Pool pool = DatabasePool.shared(vertx, config());
    UserRepository users = new UserRepository(pool);
    PasswordHasher hasher = new PasswordHasher();
    return vertx
        .executeBlocking(() -> hasher.hash(UUID.randomUUID().toString()))
        .compose(
            decoyHash ->
                new OperationDispatcher(vertx, ADDRESS)
                    .on("registerBuyer", new RegisterUser(vertx, Role.BUYER, users, hasher))
                    .on("registerSeller", new RegisterUser(vertx, Role.SELLER, users, hasher))
                    .on("loginBuyer", new LoginUser(vertx, Role.BUYER, users, hasher, decoyHash))
                    .on("loginSeller", new LoginUser(vertx, Role.SELLER, users, hasher, decoyHash))
                    .readiness(pool)
                    .register());
  }
}
