package dev.marketplace.common.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that tests move forward by hand, instead of sleeping. */
public final class TestClock extends Clock {

  private volatile Instant now = Instant.now();

  public void advance(Duration duration) {
    now = now.plus(duration);
  }

  /**
   * Moves the clock to {@code duration} past the real time, or past its own if that is later. Rows
   * the database stamps with its own {@code now()} are compared with this clock's time, and a clock
   * made when a long test class started lags behind those rows by as long as the class has run (on
   * a loaded machine, over a minute: an order "31 minutes old" was then still within its hold).
   */
  public void advanceBeyondNow(Duration duration) {
    Instant real = Instant.now();
    now = (real.isAfter(now) ? real : now).plus(duration);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("A TestClock is always UTC");
  }
}
