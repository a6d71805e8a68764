package dev.marketplace.app;

import dev.marketplace.common.security.SigningKeys;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Makes the tokens an attacker would try: expired, mis-addressed, unsigned, re-signed. */
final class TokenForge {

  private final Vertx vertx;
  private final SigningKeys keys;

  TokenForge(Vertx vertx, SigningKeys keys) {
    this.vertx = vertx;
    this.keys = keys;
  }

  /** Claims as our server issues them, for the caller to bend. */
  static JsonObject claims(Account account, Instant issuedAt, long lifetimeSeconds) {
    return new JsonObject()
        .put("iss", "marketplace")
        .put("aud", "marketplace-api")
        .put("sub", Long.toString(account.id()))
        .put("role", account.role())
        .put("iat", issuedAt.getEpochSecond())
        .put("exp", issuedAt.getEpochSecond() + lifetimeSeconds)
        .put("jti", UUID.randomUUID().toString());
  }

  /** Signed with the server's own private key: valid unless the claims are wrong. */
  String signedWithServerKey(JsonObject claims) {
    return sign("ES256", keys.privateKeyPem(), claims);
  }

  /** Signed with a key pair the server never saw. */
  String signedWithOtherKey(JsonObject claims) {
    return sign("ES256", SigningKeys.generate().privateKeyPem(), claims);
  }

  /** HMAC-signed with the server's public key as the secret: the algorithm-confusion attack. */
  String hmacWithPublicKey(JsonObject claims) {
    return sign("HS256", keys.publicKeyPem(), claims);
  }

  /** {@code alg: none}, no signature. */
  static String unsigned(JsonObject claims) {
    return encode(new JsonObject().put("alg", "none").put("typ", "JWT"))
        + "."
        + encode(claims)
        + ".";
  }

  /** The same token with its payload changed and the old signature kept. */
  static String tampered(String token, JsonObject newClaims) {
    String[] parts = token.split("\\.");
    return parts[0] + "." + encode(newClaims) + "." + parts[2];
  }

  static JsonObject payloadOf(String token) {
    return new JsonObject(
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  static JsonObject headerOf(String token) {
    return new JsonObject(
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8));
  }

  private String sign(String algorithm, String keyPem, JsonObject claims) {
    JWTAuth signer =
        JWTAuth.create(
            vertx,
            new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm(algorithm).setBuffer(keyPem)));
    return signer.generateToken(claims.copy(), new JWTOptions().setAlgorithm(algorithm));
  }

  private static String encode(JsonObject json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }
}
