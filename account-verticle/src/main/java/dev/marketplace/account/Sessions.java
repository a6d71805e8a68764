package dev.marketplace.account;

import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.ErrorCode;
import dev.marketplace.common.security.Sha256;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Logged-in sessions: an access token plus an opaque refresh token that rotates on every use. A
 * refresh token presented a second time means it was stolen or replayed, so the whole family of
 * tokens descended from that login is revoked (RFC 9700, 4.14.2).
 *
 * <p>A session is a refresh-token family, and its access tokens name it ({@code sid}). Ending one
 * (logout, or a reused refresh token) revokes its refresh tokens in the database and, once that is
 * committed, tells every api node over the clustered bus, which then refuses its access tokens too.
 */
public final class Sessions {

  private static final String INVALID = "The refresh token is invalid or expired.";

  private final Pool pool;
  private final RefreshTokenRepository tokens;
  private final AccessTokenIssuer accessTokens;
  private final Duration refreshTtl;
  private final Clock clock;
  private final Consumer<UUID> onEnded;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param onEnded told each session that ended, after the revocation is committed
   */
  public Sessions(
      Pool pool,
      RefreshTokenRepository tokens,
      AccessTokenIssuer accessTokens,
      Duration refreshTtl,
      Clock clock,
      Consumer<UUID> onEnded) {
    this.pool = pool;
    this.tokens = tokens;
    this.accessTokens = accessTokens;
    this.refreshTtl = refreshTtl;
    this.clock = clock;
    this.onEnded = onEnded;
  }

  /** Starts a session (a new token family) for a user who just proved their password. */
  public Future<JsonObject> start(User user) {
    Instant now = clock.instant();
    String refreshToken = newRefreshToken();
    UUID session = UUID.randomUUID();
    return tokens
        .insert(pool, hash(refreshToken), session, user.id(), now, now.plus(refreshTtl))
        .map(done -> tokenFields(user, session, refreshToken));
  }

  /** Exchanges a refresh token for a new pair, once. */
  public Future<JsonObject> refresh(String refreshToken) {
    Instant now = clock.instant();
    byte[] hash = hash(refreshToken);
    String next = newRefreshToken();
    return pool.withTransaction(
            connection ->
                tokens
                    .lock(connection, hash)
                    .compose(
                        stored -> {
                          if (stored == null || stored.revoked()) {
                            return Future.succeededFuture(Rotation.refused());
                          }
                          if (stored.used()) {
                            // Committed, not rolled back: the reuse must revoke the family.
                            return tokens
                                .revokeFamily(connection, stored.family(), now)
                                .map(done -> Rotation.revoked(stored.family()));
                          }
                          if (!stored.expiresAt().isAfter(now)) {
                            return Future.succeededFuture(Rotation.refused());
                          }
                          return tokens
                              .markUsed(connection, stored.id(), now)
                              .compose(
                                  done ->
                                      tokens.insert(
                                          connection,
                                          hash(next),
                                          stored.family(),
                                          stored.user().id(),
                                          now,
                                          now.plus(refreshTtl)))
                              .map(done -> Rotation.to(stored.user(), stored.family()));
                        }))
        .map(
            rotation -> {
              if (rotation.user() == null) {
                if (rotation.session() != null) {
                  onEnded.accept(rotation.session());
                }
                throw new DomainException(ErrorCode.UNAUTHORIZED, INVALID);
              }
              return tokenFields(rotation.user(), rotation.session(), next);
            });
  }

  /** Ends the session the refresh token belongs to; unknown tokens are refused. */
  public Future<Void> end(String refreshToken) {
    return tokens
        .revokeFamilyOf(pool, hash(refreshToken), clock.instant())
        .map(
            revoked -> {
              UUID session =
                  revoked.orElseThrow(() -> new DomainException(ErrorCode.UNAUTHORIZED, INVALID));
              onEnded.accept(session);
              return null;
            });
  }

  private JsonObject tokenFields(User user, UUID session, String refreshToken) {
    return new JsonObject()
        .put("access_token", accessTokens.issue(user, session))
        .put("refresh_token", refreshToken)
        .put("token_type", "Bearer")
        .put("expires_in", accessTokens.lifetimeSeconds());
  }

  private String newRefreshToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return "rt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] hash(String token) {
    return Sha256.of(token);
  }

  /** A refresh's outcome: the user and session to issue for, or a refusal that may end one. */
  private record Rotation(User user, UUID session) {
    static Rotation refused() {
      return new Rotation(null, null);
    }

    static Rotation revoked(UUID session) {
      return new Rotation(null, session);
    }

    static Rotation to(User user, UUID session) {
      return new Rotation(user, session);
    }
  }
}
