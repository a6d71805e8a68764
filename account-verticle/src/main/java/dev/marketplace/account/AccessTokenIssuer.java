package dev.marketplace.account;

import dev.marketplace.common.security.SigningKeys;
import dev.marketplace.common.security.TokenSettings;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.time.Instant;
import java.util.UUID;

/** Signs short-lived ES256 access tokens. It holds the only copy of the private key. */
public final class AccessTokenIssuer {

  private final JWTAuth signer;
  private final TokenSettings settings;
  private final JWTOptions options = new JWTOptions().setAlgorithm(SigningKeys.ALGORITHM);

  public AccessTokenIssuer(Vertx vertx, String privateKeyPem, TokenSettings settings) {
    this.signer =
        JWTAuth.create(
            vertx,
            new JWTAuthOptions()
                .addPubSecKey(
                    new PubSecKeyOptions()
                        .setAlgorithm(SigningKeys.ALGORITHM)
                        .setBuffer(privateKeyPem)));
    this.settings = settings;
  }

  /**
   * An access token for {@code user} in the session (refresh-token family) {@code session}, which
   * the token names in {@code sid}, so that ending the session can refuse it at the edge.
   */
  public String issue(User user, UUID session) {
    // The edge checks exp and iat against the system clock, so tokens are stamped by it too.
    Instant now = Instant.now();
    JsonObject claims =
        new JsonObject()
            .put("iss", settings.issuer())
            .put("aud", settings.audience())
            .put("sub", Long.toString(user.id()))
            .put("role", user.role())
            .put("iat", now.getEpochSecond())
            .put("exp", now.plus(settings.accessTokenTtl()).getEpochSecond())
            .put("jti", UUID.randomUUID().toString())
            .put("sid", session.toString());
    return signer.generateToken(claims, options);
  }

  public long lifetimeSeconds() {
    return settings.accessTokenTtl().toSeconds();
  }
}
