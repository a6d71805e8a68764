package dev.marketplace.common.security;

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
    String issuer, String audience, Duration accessTokenTtl, Duration refreshTokenTtl) {}
