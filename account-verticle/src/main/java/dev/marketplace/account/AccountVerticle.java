package dev.marketplace.account;

import dev.marketplace.common.bus.OperationDispatcher;
import dev.marketplace.common.db.DatabasePool;
import dev.marketplace.common.security.TokenSettings;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.UUID;

/**
 * Users, credentials and sessions, served on the {@value #ADDRESS} address. The only verticle given
 * the private key that signs access tokens ({@code jwt_private_key} in its configuration).
 */
public final class AccountVerticle extends VerticleBase {

  public static final String ADDRESS = "accounts";

  private final Clock clock;

  public AccountVerticle(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    Pool pool = DatabasePool.shared(vertx, config());
    TokenSettings tokenSettings = TokenSettings.fromJson(config().getJsonObject("tokens"));
    UserRepository users = new UserRepository(pool);
    PasswordHasher hasher = new PasswordHasher();
    LoginThrottle throttle = new LoginThrottle(pool, clock);
    Sessions sessions =
        new Sessions(
            new RefreshTokenRepository(pool),
            new AccessTokenIssuer(vertx, config().getString("jwt_private_key"), tokenSettings),
            tokenSettings.refreshTokenTtl(),
            clock);
    return vertx
        .executeBlocking(() -> hasher.hash(UUID.randomUUID().toString()))
        .compose(
            decoyHash ->
                new OperationDispatcher(vertx, ADDRESS)
                    .on("registerBuyer", new RegisterUser(vertx, Role.BUYER, users, hasher))
                    .on("registerSeller", new RegisterUser(vertx, Role.SELLER, users, hasher))
                    .on(
                        "loginBuyer",
                        new LoginUser(
                            vertx, Role.BUYER, users, hasher, decoyHash, throttle, sessions))
                    .on(
                        "loginSeller",
                        new LoginUser(
                            vertx, Role.SELLER, users, hasher, decoyHash, throttle, sessions))
                    .on("refreshSession", new RefreshSession(sessions))
                    .on("logout", new Logout(sessions))
                    .readiness(pool)
                    .register());
  }
}
