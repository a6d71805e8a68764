package dev.marketplace.order;

import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.ErrorCode;
import dev.marketplace.common.security.Sha256;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
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
 * Runs a create operation at most once per client key: a retry with the same {@code
 * Idempotency-Key} gets the first success again, the same key with another body is 409.
 *
 * <p>The key is claimed and the work done in one transaction. A racing retry's claim waits on the
 * first one's row lock; once the first commits, the retry finds the stored answer, and if the first
 * failed (its transaction rolled back, taking the claim along), the retry does the work itself.
 * Refusals are not stored: nothing happened, so a retry may succeed later. Keys live {@link
 * #LIFETIME}.
 */
public final class IdempotencyKeys {

  static final Duration LIFETIME = Duration.ofHours(24);

  private final Pool pool;
  private final Clock clock;

  public IdempotencyKeys(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  /**
   * Runs {@code work} once for this account, operation and key; {@code key} may be null. With a
   * key, the work always runs in the claim's transaction; without one, only when it asks for a
   * transaction (a single statement is atomic by itself).
   */
  public Future<Reply> once(
      long accountId,
      String operation,
      String key,
      JsonObject request,
      boolean transactional,
      Function<SqlClient, Future<Reply>> work) {
    if (key == null) {
      return transactional ? pool.withTransaction(work::apply) : work.apply(pool);
    }
    byte[] requestHash = Sha256.of(request.encode());
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
                        accountId,
                        operation,
                        key,
                        Buffer.buffer(requestHash),
                        clock.instant().plus(LIFETIME).atOffset(ZoneOffset.UTC),
                        clock.instant().atOffset(ZoneOffset.UTC)))
                .compose(
                    claimed -> {
                      if (claimed.size() == 1) {
                        return work.apply(connection)
                            .compose(reply -> store(connection, accountId, operation, key, reply));
                      }
                      return firstAnswer(connection, accountId, operation, key, requestHash);
                    }));
  }

  /** Forgets expired keys. */
  public Future<Integer> purgeExpired() {
    return pool.preparedQuery("DELETE FROM idempotency_keys WHERE expires_at < $1")
        .execute(Tuple.of(clock.instant().atOffset(ZoneOffset.UTC)))
        .map(rows -> rows.rowCount());
  }

  private static Future<Reply> store(
      SqlClient connection, long accountId, String operation, String key, Reply reply) {
    return connection
        .preparedQuery(
            "UPDATE idempotency_keys SET status = $4, response = $5"
                + " WHERE account_id = $1 AND operation = $2 AND key = $3")
        .execute(Tuple.of(accountId, operation, key, reply.status(), reply.body().encode()))
        .map(done -> reply);
  }

  private static Future<Reply> firstAnswer(
      SqlClient connection, long accountId, String operation, String key, byte[] requestHash) {
    return connection
        .preparedQuery(
            "SELECT request_hash, status, response FROM idempotency_keys"
                + " WHERE account_id = $1 AND operation = $2 AND key = $3")
        .execute(Tuple.of(accountId, operation, key))
        .map(
            rows -> {
              Row row = rows.iterator().next();
              if (!MessageDigest.isEqual(row.getBuffer("request_hash").getBytes(), requestHash)) {
                throw new DomainException(
                    ErrorCode.DUPLICATE,
                    "This Idempotency-Key was already used with a different request.");
              }
              return new Reply(row.getInteger("status"), new JsonObject(row.getString("response")));
            });
  }
}
