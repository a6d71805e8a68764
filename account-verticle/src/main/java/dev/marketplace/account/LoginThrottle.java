package dev.marketplace.account;

import dev.marketplace.common.db.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows down password guessing. Failures are counted per account and client address; from the
 * {@value #FREE_FAILURES}th consecutive failure on, that client is locked out of that account for a
 * period that doubles with each further failure, up to {@link #LONGEST_LOCK}. Counting per client
 * means an attacker who keeps failing locks out only themselves, never the account's owner logging
 * in from elsewhere. Failures older than {@link #MEMORY} are forgotten.
 */
public final class LoginThrottle {

  static final int FREE_FAILURES = 5;
  static final Duration FIRST_LOCK = Duration.ofSeconds(30);
  static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
  static final Duration MEMORY = Duration.ofHours(1);

  private final Pool pool;
  private final Clock clock;

  public LoginThrottle(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  /** How long this client must still wait before trying this account again, if at all. */
  public Future<Optional<Duration>> remainingLock(String email, String client) {
    Instant now = clock.instant();
    return pool.preparedQuery(
            "SELECT locked_until FROM login_failures"
                + " WHERE email_key = $1 AND client_address = $2 AND locked_until > $3")
        .mapping(row -> Duration.between(now, row.getOffsetDateTime(0).toInstant()))
        .execute(Tuple.of(key(email), client, utc(now)))
        .map(Rows::first);
  }

  public Future<Void> recordFailure(String email, String client) {
    Instant now = clock.instant();
    return pool.preparedQuery(
            "INSERT INTO login_failures AS f"
                + " (email_key, client_address, failures, last_failure_at)"
                + " VALUES ($1, $2, 1, $3)"
                + " ON CONFLICT (email_key, client_address) DO UPDATE SET"
                + " failures = CASE WHEN f.last_failure_at < $4 THEN 1 ELSE f.failures + 1 END,"
                + " last_failure_at = $3"
                + " RETURNING failures")
        .execute(Tuple.of(key(email), client, utc(now), utc(now.minus(MEMORY))))
        .compose(
            rows -> {
              int failures = rows.iterator().next().getInteger(0);
              if (failures < FREE_FAILURES) {
                return Future.succeededFuture();
              }
              return pool.preparedQuery(
                      "UPDATE login_failures SET locked_until = $3"
                          + " WHERE email_key = $1 AND client_address = $2")
                  .execute(Tuple.of(key(email), client, utc(now.plus(lockFor(failures)))))
                  .mapEmpty();
            });
  }

  public Future<Void> clear(String email, String client) {
    return pool.preparedQuery(
            "DELETE FROM login_failures WHERE email_key = $1 AND client_address = $2")
        .execute(Tuple.of(key(email), client))
        .mapEmpty();
  }

  /**
   * Forgets failures older than {@link #MEMORY} whose lock, if any, has run out: the next failure
   * would start counting afresh anyway. Returns how many rows went.
   */
  public Future<Integer> forgetOldFailures() {
    Instant now = clock.instant();
    return pool.preparedQuery(
            "DELETE FROM login_failures WHERE last_failure_at < $1"
                + " AND (locked_until IS NULL OR locked_until < $2)")
        .execute(Tuple.of(utc(now.minus(MEMORY)), utc(now)))
        .map(rows -> rows.rowCount());
  }

  static Duration lockFor(int failures) {
    int doublings = Math.min(failures - FREE_FAILURES, 20);
    Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
    return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
  }

  private static String key(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
