package dev.marketplace.common.db;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.SqlClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Where the primary's write-ahead log stands: a position (LSN, as a number) that is at or past the
 * end of every transaction committed before it was asked. A replica that has replayed up to it
 * shows all of them. This is what a write tells its caller, and what a change tells the api nodes,
 * so that later reads go to a replica that has the change, or to the primary.
 *
 * <p>Callers that ask while a question is under way wait for the next one, which is sent after they
 * asked (and so after their commit): under load, one query answers many callers.
 */
final class WalPosition {

  /** The insert position, which is past every commit record written so far, flushed or not. */
  static final String POSITION =
      "SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint";

  private final SqlClient primary;
  private final long timeoutMillis;

  private Promise<Long> asked;
  private boolean underWay;

  WalPosition(SqlClient primary, Duration timeout) {
    this.primary = primary;
    this.timeoutMillis = timeout.toMillis();
  }

  /** A position at or past every commit that completed before this call. */
  synchronized Future<Long> current() {
    Promise<Long> answer = asked;
    if (answer == null) {
      answer = Promise.promise();
      asked = answer;
      if (!underWay) {
        // May be answered before it returns (a query that fails at once).
        ask();
      }
    }
    return answer.future();
  }

  private void ask() {
    Promise<Long> answering = asked;
    asked = null;
    underWay = true;
    primary
        .query(POSITION)
        .execute()
        .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .map(rows -> rows.iterator().next().getLong(0))
        .onComplete(
            answer -> {
              answering.handle(answer);
              synchronized (this) {
                underWay = false;
                if (asked != null) {
                  ask();
                }
              }
            });
  }
}
