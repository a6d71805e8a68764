package dev.marketplace.account;

import dev.marketplace.common.bus.ApiOperation;
import dev.marketplace.common.bus.BusAddress;
import dev.marketplace.common.bus.InternalAction;
import dev.marketplace.common.bus.Invalidations;
import dev.marketplace.common.bus.OperationDispatcher;
import dev.marketplace.common.config.MarketplaceConfig;
import dev.marketplace.common.db.DatabasePool;
import dev.marketplace.common.db.DatabaseSettings;
import dev.marketplace.common.db.PoolSettings;
import dev.marketplace.common.idempotency.IdempotencyKeys;
import dev.marketplace.common.idempotency.RequestFingerprint;
import dev.marketplace.common.security.TokenSettings;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users, credentials and sessions, served on {@link BusAddress#ACCOUNTS}. The only verticle given
 * the private key that signs access tokens. Sweeps expired sessions and stale login failures on the
 * shared sweep interval.
 */
public final class AccountVerticle extends VerticleBase {

  /** Where it serves the contract's operations. */
  public static final BusAddress ADDRESS = BusAddress.ACCOUNTS;

  /**
   * What the account verticle is told.
   *
   * @param database the database and the size of the shared pool
   * @param tokens claims and lifetimes of the tokens it issues
   * @param jwtPrivateKeyPem the key access tokens are signed with (PKCS#8 PEM)
   * @param sweepInterval how often expired sessions and stale login failures are swept
   */
  public record Settings(
      PoolSettings database,
      TokenSettings tokens,
      String jwtPrivateKeyPem,
      Duration sweepInterval) {

    public static Settings from(
        MarketplaceConfig config, DatabaseSettings database, String jwtPrivateKeyPem) {
      return new Settings(
          PoolSettings.from(config, database),
          config.tokens(),
          jwtPrivateKeyPem,
          Duration.ofSeconds(config.orderSweepSeconds()));
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(AccountVerticle.class);

  private final Settings settings;
  private final Clock clock;
  private long sweepTimer;

  public AccountVerticle(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    Pool pool = DatabasePool.shared(vertx, settings.database());
    TokenSettings tokenSettings = settings.tokens();
    UserRepository users = new UserRepository();
    PasswordHasher hasher = new PasswordHasher();
    LoginThrottle throttle = new LoginThrottle(pool, clock);
    RefreshTokenRepository refreshTokens = new RefreshTokenRepository();
    PurgeExpiredSessions purge = new PurgeExpiredSessions(pool, refreshTokens, throttle, clock);
    sweepTimer =
        vertx.setPeriodic(
            settings.sweepInterval().toMillis(),
            tick ->
                purge
                    .purge()
                    .onFailure(
                        failure -> LOG.warn("Session sweep failed: {}", failure.toString())));
    Sessions sessions =
        new Sessions(
            pool,
            refreshTokens,
            new AccessTokenIssuer(vertx, settings.jwtPrivateKeyPem(), tokenSettings),
            tokenSettings.refreshTokenTtl(),
            clock,
            ended ->
                Invalidations.publish(vertx, Invalidations.SESSIONS, List.of(ended.toString())));
    return vertx
        .executeBlocking(() -> hasher.hash(UUID.randomUUID().toString()))
        .compose(
            decoyHash ->
                new OperationDispatcher(vertx, ADDRESS)
                    // Registrations carry passwords: their fingerprints are keyed with a secret
                    // that is not in the database (see RequestFingerprint).
                    .idempotency(
                        new IdempotencyKeys(
                            pool, clock, RequestFingerprint.keyed(settings.jwtPrivateKeyPem())))
                    .on(
                        ApiOperation.REGISTER_BUYER,
                        new RegisterUser(vertx, Role.BUYER, users, hasher))
                    .on(
                        ApiOperation.REGISTER_SELLER,
                        new RegisterUser(vertx, Role.SELLER, users, hasher))
                    .on(
                        ApiOperation.LOGIN_BUYER,
                        new LoginUser(
                            vertx, pool, Role.BUYER, users, hasher, decoyHash, throttle, sessions))
                    .on(
                        ApiOperation.LOGIN_SELLER,
                        new LoginUser(
                            vertx, pool, Role.SELLER, users, hasher, decoyHash, throttle, sessions))
                    .on(ApiOperation.REFRESH_SESSION, new RefreshSession(sessions))
                    .on(ApiOperation.LOGOUT, new Logout(sessions))
                    .on(ApiOperation.ACCOUNT_DETAIL, new AccountDetail(pool, users))
                    .on(InternalAction.PURGE_EXPIRED_SESSIONS, purge)
                    .readiness(pool)
                    .register());
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(sweepTimer);
    return Future.succeededFuture();
  }
}
