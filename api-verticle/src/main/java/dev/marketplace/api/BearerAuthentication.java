package dev.marketplace.api;

import dev.marketplace.common.bus.Caller;
import dev.marketplace.common.error.ErrorCode;
import dev.marketplace.common.security.SigningKeys;
import dev.marketplace.common.security.TokenSettings;
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
import java.util.List;

/**
 * Lets a request through only with a valid access token: an ES256 signature by our key (the only
 * algorithm accepted, so {@code none} and key-confusion tricks fail), our issuer and audience, not
 * expired, with a subject, a role and an id. The operation's {@code x-roles} then decides whether
 * that role may call it (403 otherwise). The caller is left in the routing context for the
 * forwarder.
 */
final class BearerAuthentication implements JWTAuthHandler {

  static final String CALLER = "marketplace.caller";
  static final String ROLES_EXTENSION = "x-roles";

  private static final String PREFIX = "Bearer ";

  private final JWTAuth verifier;

  BearerAuthentication(Vertx vertx, String publicKeyPem, TokenSettings settings) {
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
    verifier
        .authenticate(new TokenCredentials(header.substring(PREFIX.length()).strip()))
        .onFailure(
            invalid -> rc.fail(new HttpException(401, "The access token is invalid or expired.")))
        .onSuccess(
            user -> {
              Caller caller = callerFrom(user.attributes().getJsonObject("accessToken"), rc);
              if (caller == null) {
                rc.fail(new HttpException(401, "The access token is invalid or expired."));
                return;
              }
              Operation operation =
                  rc.currentRoute().getMetadata(RouterBuilder.KEY_META_DATA_OPERATION);
              Object roles = operation.getExtensions().get(ROLES_EXTENSION);
              if (roles instanceof io.vertx.core.json.JsonArray allowed
                  && !allowed.contains(caller.role())) {
                rc.fail(
                    new HttpException(
                        ErrorCode.FORBIDDEN.httpStatus(),
                        "Only a "
                            + String.join(" or ", allowed.stream().map(Object::toString).toList())
                            + " may do this."));
                return;
              }
              rc.put(CALLER, caller);
              rc.next();
            });
  }

  /** The caller the claims name, or null when a claim we rely on is missing or malformed. */
  private static Caller callerFrom(JsonObject claims, RoutingContext rc) {
    if (claims == null
        || !(claims.getValue("exp") instanceof Number)
        || claims.getString("jti") == null) {
      return null;
    }
    String role = claims.getString("role");
    if (!"buyer".equals(role) && !"seller".equals(role)) {
      return null;
    }
    try {
      long id = Long.parseLong(claims.getString("sub"));
      return new Caller(id, role, rc.request().remoteAddress().hostAddress());
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
