package dev.marketplace.client.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * A signed-in account on one server: who it is and its tokens. {@code accessExpiresAt} is when the
 * access token stops working, as the server said at login or refresh.
 */
public record Session(
    long userId,
    String name,
    String email,
    String role,
    String accessToken,
    String refreshToken,
    Instant accessExpiresAt) {

  /** The access token has expired, or will within {@code margin} of {@code now}. */
  public boolean expiresWithin(Duration margin, Instant now) {
    return accessExpiresAt == null || !now.plus(margin).isBefore(accessExpiresAt);
  }

  /** The same account with a refreshed pair of tokens. */
  public Session withTokens(String access, String refresh, Instant expiresAt) {
    return new Session(userId, name, email, role, access, refresh, expiresAt);
  }
}
