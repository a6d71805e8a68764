package dev.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.VerifiedTokenCache.VerifiedToken;
import dev.marketplace.common.testing.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

  private final TestClock clock = new TestClock();
  private final VerifiedTokenCache cache = new VerifiedTokenCache(clock, 2);

  @Test
  void aVerifiedTokenIsKnownUntilItsExpiry() {
    VerifiedToken buyer = new VerifiedToken(7, "buyer", "session-7", secondsFromNow(60));
    cache.put("token-a", buyer);

    clock.advance(Duration.ofSeconds(59));
    assertThat(cache.get("token-a")).isEqualTo(buyer);

    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.get("token-a")).as("from the second exp names").isNull();
    assertThat(cache.size()).isZero();
  }

  @Test
  void anExpiredTokenIsNotRemembered() {
    cache.put("token-a", new VerifiedToken(7, "buyer", "session-7", secondsFromNow(0)));

    assertThat(cache.get("token-a")).isNull();
    assertThat(cache.size()).isZero();
  }

  @Test
  void onlyTheExactTokenMatches() {
    cache.put("token-a", new VerifiedToken(7, "buyer", "session-7", secondsFromNow(60)));

    assertThat(cache.get("token-A")).isNull();
    assertThat(cache.get("token-a ")).isNull();
  }

  @Test
  void theLeastRecentlyUsedTokenMakesRoomWhenFull() {
    cache.put("token-a", new VerifiedToken(1, "buyer", "session-1", secondsFromNow(60)));
    cache.put("token-b", new VerifiedToken(2, "seller", "session-2", secondsFromNow(60)));
    cache.get("token-a");

    cache.put("token-c", new VerifiedToken(3, "buyer", "session-3", secondsFromNow(60)));

    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.get("token-b")).isNull();
    assertThat(cache.get("token-a")).isNotNull();
    assertThat(cache.get("token-c")).isNotNull();
  }

  private long secondsFromNow(long seconds) {
    return clock.instant().getEpochSecond() + seconds;
  }
}
