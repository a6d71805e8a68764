package dev.marketplace.api;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Access tokens this edge has already verified, with the identity they carry. A client sends the
 * same token with every request for its whole lifetime, and checking its ES256 signature again each
 * time was most of the CPU an authenticated request cost. Only tokens that passed every check are
 * put here; an entry is never returned once its token's {@code exp} has come, and the least
 * recently used entries go first when the cache is full.
 *
 * <p>Each verticle instance has its own, touched only from its event loop, so it needs no locks.
 */
final class VerifiedTokenCache {

  /**
   * Who a verified token names, the session it belongs to (null in tokens issued before sessions
   * were named in them), and the second ({@code exp}) from which it is no longer valid.
   */
  record VerifiedToken(long userId, String role, String session, long expiresAtEpochSecond) {}

  private final Clock clock;
  private final Map<String, VerifiedToken> entries;

  VerifiedTokenCache(Clock clock, int capacity) {
    this.clock = clock;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, VerifiedToken> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The verified token, or null when it was never verified here or has expired since. */
  VerifiedToken get(String token) {
    VerifiedToken verified = entries.get(token);
    if (verified != null && expired(verified)) {
      entries.remove(token);
      return null;
    }
    return verified;
  }

  /** Remembers a token that passed every check. */
  void put(String token, VerifiedToken verified) {
    if (!expired(verified)) {
      entries.put(token, verified);
    }
  }

  int size() {
    return entries.size();
  }

  // The same rule as vertx-auth-jwt's own check (no leeway): invalid from the second exp names.
  private boolean expired(VerifiedToken verified) {
    return clock.instant().getEpochSecond() >= verified.expiresAtEpochSecond();
  }
}
