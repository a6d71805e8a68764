package dev.marketplace.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sessions ended since this edge started (logout, or a refresh token used twice), heard of on the
 * {@code sessions} invalidation channel from whichever node ended them. Their access tokens are
 * refused from then on, cached or not. A session is remembered for an access token's lifetime (plus
 * a minute for clocks that disagree): by then every access token it was given has expired anyway.
 *
 * <p>Each verticle instance has its own, touched only from its event loop, so it needs no locks.
 */
final class RevokedSessions {

  private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

  private final Clock clock;
  private final long rememberSeconds;
  // In the order heard, which is the order of expiry, as each entry is kept equally long.
  private final Map<String, Long> until = new LinkedHashMap<>();

  RevokedSessions(Clock clock, Duration accessTokenTtl) {
    this.clock = clock;
    this.rememberSeconds = accessTokenTtl.plus(CLOCK_SKEW).toSeconds();
  }

  void revoke(String session) {
    long now = clock.instant().getEpochSecond();
    forgetExpired(now);
    until.remove(session);
    until.put(session, now + rememberSeconds);
  }

  boolean isRevoked(String session) {
    if (session == null) {
      return false;
    }
    Long expiry = until.get(session);
    return expiry != null && clock.instant().getEpochSecond() < expiry;
  }

  int size() {
    return until.size();
  }

  private void forgetExpired(long now) {
    Iterator<Long> expiries = until.values().iterator();
    while (expiries.hasNext() && expiries.next() <= now) {
      expiries.remove();
    }
  }
}
