package dev.marketplace.common.security;

import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * What access and refresh tokens say and how long they live.
 *
 * @param issuer the {@code iss} claim
 * @param audience the {@code aud} claim the API accepts
 * @param accessTokenTtl lifetime of an access token (minutes)
 * @param refreshTokenTtl lifetime of a refresh token; each rotation starts a new one
 */
public record TokenSettings(
    String issuer, String audience, Duration accessTokenTtl, Duration refreshTokenTtl) {

  public static TokenSettings fromJson(JsonObject json) {
    return new TokenSettings(
        json.getString("issuer"),
        json.getString("audience"),
        Duration.ofSeconds(json.getLong("access_ttl_seconds")),
        Duration.ofSeconds(json.getLong("refresh_ttl_seconds")));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("issuer", issuer)
        .put("audience", audience)
        .put("access_ttl_seconds", accessTokenTtl.toSeconds())
        .put("refresh_ttl_seconds", refreshTokenTtl.toSeconds());
  }
}
