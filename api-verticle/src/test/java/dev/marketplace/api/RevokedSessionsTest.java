package dev.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.common.testing.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RevokedSessionsTest {

  private final TestClock clock = new TestClock();
  private final RevokedSessions revoked = new RevokedSessions(clock, Duration.ofMinutes(15));

  @Test
  void anEndedSessionIsRefusedForAsLongAsItsAccessTokensCanLive() {
    revoked.revoke("session-a");

    assertThat(revoked.isRevoked("session-a")).isTrue();
    assertThat(revoked.isRevoked("session-b")).isFalse();
    assertThat(revoked.isRevoked(null)).as("a token that names no session").isFalse();

    clock.advance(Duration.ofMinutes(15));
    assertThat(revoked.isRevoked("session-a")).as("a minute's grace for clock skew").isTrue();
    clock.advance(Duration.ofMinutes(1));
    assertThat(revoked.isRevoked("session-a"))
        .as("every access token of the session has expired")
        .isFalse();
  }

  @Test
  void sessionsPastTheirTimeAreForgottenSoMemoryStaysBounded() {
    for (int i = 0; i < 100; i++) {
      revoked.revoke("old-" + i);
    }
    clock.advance(Duration.ofMinutes(16));

    revoked.revoke("new");

    assertThat(revoked.size()).isEqualTo(1);
    assertThat(revoked.isRevoked("new")).isTrue();
  }

  @Test
  void hearingOfTheSameSessionAgainKeepsItLonger() {
    revoked.revoke("session-a");
    clock.advance(Duration.ofMinutes(10));
    revoked.revoke("session-a");
    clock.advance(Duration.ofMinutes(10));

    assertThat(revoked.isRevoked("session-a")).isTrue();
  }
}
