package dev.marketplace.account;

import dev.marketplace.common.bus.Invalidations;
import dev.marketplace.common.bus.OperationDispatcher;
import dev.marketplace.common.db.DatabasePool;
import dev.marketplace.common.security.TokenSettings;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users, credentials and sessions, served on the {@value #ADDRESS} address. The only verticle given
 * the private key that signs access tokens ({@code jwt_private_key} in its configuration). Sweeps
 * expired sessions and stale login failures on the shared sweep interval.
 */
public final class AccountVerticle extends VerticleBase {

  public static final String ADDRESS = "accounts";

  private static final Logger LOG = LoggerFactory.getLogger(AccountVerticle.class);

  private final Clock clock;
  private long sweepTimer;

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
    RefreshTokenRepository refreshTokens = new RefreshTokenRepository(pool);
    PurgeExpiredSessions purge = new PurgeExpiredSessions(refreshTokens, throttle, clock);
    sweepTimer =
        vertx.setPeriodic(
            config().getLong("sweep_interval_ms"),
            tick ->
                purge
                    .purge()
                    .onFailure(
                        failure -> LOG.warn("Session sweep failed: {}", failure.toString())));
    Sessions sessions =
        new Sessions(
            refreshTokens,
            new AccessTokenIssuer(vertx, config().getString("jwt_private_key"), tokenSettings),
            tokenSettings.refreshTokenTtl(),
            clock,
            ended ->
                Invalidations.publish(vertx, Invalidations.SESSIONS, List.of(ended.toString())));
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
                    .on(PurgeExpiredSessions.ACTION, purge)
                    .readiness(pool)
                    .register());
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(sweepTimer);
    return Future.succeededFuture();
  }
}
