package dev.marketplace.api;

import dev.marketplace.api.VerifiedTokenCache.VerifiedToken;
import dev.marketplace.common.bus.Caller;
import dev.marketplace.common.bus.Invalidations;
import dev.marketplace.common.error.ErrorCode;
import dev.marketplace.common.security.SigningKeys;
import dev.marketplace.common.security.TokenSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.handler.JWTAuthHandler;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.Operation;
import java.time.Clock;
import java.util.List;

/**
 * Lets a request through only with a valid access token: an ES256 signature by our key (the only
 * algorithm accepted, so {@code none} and key-confusion tricks fail), our issuer and audience, not
 * expired, with a subject, a role and an id. The operation's {@code x-roles} then decides whether
 * that role may call it (403 otherwise). The caller is left in the routing context for the
 * forwarder.
 *
 * <p>A token that passed is remembered until its expiry ({@link VerifiedTokenCache}), so each token
 * pays for its signature check once per event loop rather than once per request. A token of a
 * session that has ended ({@link RevokedSessions}, fed from every node over the clustered bus) is
 * refused, cached or not.
 */
final class BearerAuthentication implements JWTAuthHandler {

  static final String CALLER = "marketplace.caller";
  static final String ROLES_EXTENSION = "x-roles";

  private static final String PREFIX = "Bearer ";
  private static final String INVALID = "The access token is invalid or expired.";
  // Room for this many clients active at once per event loop: a few MB at most.
  private static final int CACHED_TOKENS = 10_000;

  private final JWTAuth verifier;
  // The system clock, as tokens are stamped and their signatures checked by it.
  private final VerifiedTokenCache verified =
      new VerifiedTokenCache(Clock.systemUTC(), CACHED_TOKENS);
  private final RevokedSessions revoked;

  BearerAuthentication(Vertx vertx, String publicKeyPem, TokenSettings settings) {
    this.revoked = new RevokedSessions(Clock.systemUTC(), settings.accessTokenTtl());
    this.verifier =
        JWTAuth.create(
            vertx,
            new JWTAuthOptions()
                .addPubSecKey(
                    new PubSecKeyOptions()
                        .setAlgorithm(SigningKeys.ALGORITHM)
                        .setBuffer(publicKeyPem))
                .setJWTOptions(
                    new JWTOptions()
                        .setIssuer(settings.issuer())
                        .setAudience(List.of(settings.audience()))));
  }

  @Override
  public void handle(RoutingContext rc) {
    String header = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      rc.fail(new HttpException(401, "A bearer access token is required."));
      return;
    }
    String token = header.substring(PREFIX.length()).strip();
    VerifiedToken known = verified.get(token);
    if (known != null) {
      admitUnlessRevoked(rc, known);
      return;
    }
    verifier
        .authenticate(new TokenCredentials(token))
        .onFailure(invalid -> rc.fail(new HttpException(401, INVALID)))
        .onSuccess(
            user -> {
              VerifiedToken identity = identityOf(user.attributes().getJsonObject("accessToken"));
              if (identity == null) {
                rc.fail(new HttpException(401, INVALID));
                return;
              }
              verified.put(token, identity);
              admitUnlessRevoked(rc, identity);
            });
  }

  /**
   * Listens for ended sessions on the {@code sessions} invalidation channel; the future completes
   * once this edge hears every one published from then on.
   */
  Future<Void> followRevocations(Vertx vertx) {
    return Invalidations.subscribe(
            vertx, Invalidations.SESSIONS, ended -> ended.keys().forEach(revoked::revoke))
        .completion();
  }

  private void admitUnlessRevoked(RoutingContext rc, VerifiedToken token) {
    if (revoked.isRevoked(token.session())) {
      rc.fail(new HttpException(401, INVALID));
      return;
    }
    admit(rc, token);
  }

  /** Lets the caller through if the operation's roles include theirs (403 otherwise). */
  private static void admit(RoutingContext rc, VerifiedToken token) {
    Operation operation = rc.currentRoute().getMetadata(RouterBuilder.KEY_META_DATA_OPERATION);
    Object roles = operation.getExtensions().get(ROLES_EXTENSION);
    if (roles instanceof io.vertx.core.json.JsonArray allowed && !allowed.contains(token.role())) {
      rc.fail(
          new HttpException(
              ErrorCode.FORBIDDEN.httpStatus(),
              "Only a "
                  + String.join(" or ", allowed.stream().map(Object::toString).toList())
                  + " may do this."));
      return;
    }
    rc.put(
        CALLER,
        new Caller(token.userId(), token.role(), rc.request().remoteAddress().hostAddress()));
    rc.next();
  }

  /** Who the claims name, or null when a claim we rely on is missing or malformed. */
  private static VerifiedToken identityOf(JsonObject claims) {
    if (claims == null
        || !(claims.getValue("exp") instanceof Number expiry)
        || claims.getString("jti") == null) {
      return null;
    }
    String role = claims.getString("role");
    if (!"buyer".equals(role) && !"seller".equals(role)) {
      return null;
    }
    Object session = claims.getValue("sid");
    if (session != null && !(session instanceof String)) {
      return null;
    }
    try {
      return new VerifiedToken(
          Long.parseLong(claims.getString("sub")), role, (String) session, expiry.longValue());
    } catch (NumberFormatException | ClassCastException e) {
      return null;
    }
  }

  // The contract names no OAuth scopes: a scoped copy of this handler would be this handler.
  @Override
  public JWTAuthHandler scopeDelimiter(String delimiter) {
    return this;
  }

  @Override
  public JWTAuthHandler withScope(String scope) {
    return this;
  }

  @Override
  public JWTAuthHandler withScopes(List<String> scopes) {
    return this;
  }
}
