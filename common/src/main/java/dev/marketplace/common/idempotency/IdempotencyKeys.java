package dev.marketplace.common.idempotency;

import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * Runs a write at most once per caller, operation and {@code Idempotency-Key}: a retry with the
 * same key and request gets the first answer again, the same key with another request is 409.
 *
 * <p>The key is claimed and the work done in one transaction. A racing retry's claim waits on the
 * first one's row lock; once the first commits, the retry finds the stored answer, and if the first
 * failed (its transaction rolled back, taking the claim along), the retry does the work itself. So
 * no interleaving of retries applies a write twice, and a crash between the work and the stored
 * answer cannot happen: they commit together. Refusals are not stored: nothing happened, so a retry
 * may succeed later. Keys live {@link #LIFETIME}.
 *
 * <p>Every domain verticle's {@code OperationDispatcher} runs its write operations through one of
 * these; the table is shared by all of them.
 */
public final class IdempotencyKeys {

  /** How long an answer is kept for retries. */
  public static final Duration LIFETIME = Duration.ofHours(24);

  /**
   * The scope of keys sent to operations that take no token (registration): one for everyone. A
   * replay needs the very request that made the answer, password included, so it tells a caller
   * nothing they did not send; a client's own network address would not do, since a retry after a
   * lost answer often comes from another one (a phone that changed networks).
   */
  public static final long ANONYMOUS = 0;

  private final Pool pool;
  private final Clock clock;
  private final RequestFingerprint fingerprint;

  public IdempotencyKeys(Pool pool, Clock clock, RequestFingerprint fingerprint) {
    this.pool = pool;
    this.clock = clock;
    this.fingerprint = fingerprint;
  }

  /** How requests are told apart under one key. */
  public RequestFingerprint fingerprint() {
    return fingerprint;
  }

  /** A request's claim on {@code key}, for {@link #once}. */
  public record Claim(long scope, String operation, String key, byte[] fingerprint) {}

  /** What is kept for a retry: the status and the encoded JSON body (null when none). */
  public record Answer(int status, String body) {}

  /**
   * Runs {@code work} once for {@code claim}, or without one when {@code claim} is null. With a
   * claim the work always runs in the claim's transaction; without one, in a transaction of its own
   * when {@code transactional}, else straight on the pool (a single statement is atomic by itself).
   */
  public Future<Answer> once(
      Claim claim, boolean transactional, Function<SqlClient, Future<Answer>> work) {
    if (claim == null) {
      return transactional ? pool.withTransaction(work::apply) : work.apply(pool);
    }
    return pool.withTransaction(
        connection ->
            connection
                .preparedQuery(
                    "INSERT INTO idempotency_keys"
                        + " (account_id, operation, key, request_hash, status, response, expires_at)"
                        + " VALUES ($1, $2, $3, $4, 0, '', $5)"
                        + " ON CONFLICT (account_id, operation, key) DO UPDATE SET"
                        + " request_hash = EXCLUDED.request_hash, expires_at = EXCLUDED.expires_at"
                        + " WHERE idempotency_keys.expires_at < $6"
                        + " RETURNING account_id")
                .execute(
                    Tuple.of(
                        claim.scope(),
                        claim.operation(),
                        claim.key(),
                        Buffer.buffer(claim.fingerprint()),
                        clock.instant().plus(LIFETIME).atOffset(ZoneOffset.UTC),
                        clock.instant().atOffset(ZoneOffset.UTC)))
                .compose(
                    claimed ->
                        claimed.size() == 1
                            ? work.apply(connection)
                                .compose(answer -> store(connection, claim, answer))
                            : firstAnswer(connection, claim)));
  }

  /** Forgets expired keys of every operation. */
  public Future<Integer> purgeExpired() {
    return pool.preparedQuery("DELETE FROM idempotency_keys WHERE expires_at < $1")
        .execute(Tuple.of(clock.instant().atOffset(ZoneOffset.UTC)))
        .map(rows -> rows.rowCount());
  }

  /**
   * The refusal of a key sent again with another request, the same for every operation (payments,
   * which keep their keys with the payment, answer it too).
   */
  public static DomainException reusedWithAnotherRequest() {
    return new DomainException(
        ErrorCode.DUPLICATE,
        "This Idempotency-Key was already used with a different request; send a new key for a new"
            + " request.");
  }

  private static Future<Answer> store(SqlClient connection, Claim claim, Answer answer) {
    return connection
        .preparedQuery(
            "UPDATE idempotency_keys SET status = $4, response = $5"
                + " WHERE account_id = $1 AND operation = $2 AND key = $3")
        .execute(
            Tuple.of(
                claim.scope(),
                claim.operation(),
                claim.key(),
                answer.status(),
                answer.body() == null ? "" : answer.body()))
        .map(done -> answer);
  }

  private static Future<Answer> firstAnswer(SqlClient connection, Claim claim) {
    return connection
        .preparedQuery(
            "SELECT request_hash, status, response FROM idempotency_keys"
                + " WHERE account_id = $1 AND operation = $2 AND key = $3")
        .execute(Tuple.of(claim.scope(), claim.operation(), claim.key()))
        .map(
            rows -> {
              Row row = rows.iterator().next();
              if (!MessageDigest.isEqual(
                  row.getBuffer("request_hash").getBytes(), claim.fingerprint())) {
                throw reusedWithAnotherRequest();
              }
              String response = row.getString("response");
              return new Answer(row.getInteger("status"), response.isEmpty() ? null : response);
            });
  }
}
