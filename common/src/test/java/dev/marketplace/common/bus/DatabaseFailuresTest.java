package dev.marketplace.common.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.common.db.DatabasePool;
import dev.marketplace.common.db.NoPrimaryException;
import dev.marketplace.common.db.PoolSettings;
import dev.marketplace.common.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.net.ConnectException;
import java.net.SocketException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

  @Test
  void aDatabaseThatCannotServeNowIsUnavailable() {
    assertThat(DatabaseFailures.isUnavailable(new ConnectException("Connection refused"))).isTrue();
    assertThat(
            DatabaseFailures.isUnavailable(
                new VertxException("Timeout waiting for connection", true)))
        .as("pool.query waited too long for a connection")
        .isTrue();
    assertThat(DatabaseFailures.isUnavailable(new NoStackTraceThrowable("Timeout")))
        .as("withTransaction waited too long for a connection")
        .isTrue();
    assertThat(DatabaseFailures.isUnavailable(new ConnectionPoolTooBusyException("full"))).isTrue();
    assertThat(
            DatabaseFailures.isUnavailable(
                new RuntimeException(new PgException("gone", "FATAL", "57P01", null))))
        .isTrue();
  }

  @Test
  void aFailoverUnderWayIsUnavailable() {
    assertThat(DatabaseFailures.isUnavailable(new SocketException("Connection reset")))
        .as("a server that died with our query on its connection")
        .isTrue();
    assertThat(
            DatabaseFailures.isUnavailable(
                new VertxException("Connection is not active now, current status: CLOSED")))
        .as("a pooled connection the dying server had just closed")
        .isTrue();
    assertThat(DatabaseFailures.isUnavailable(new NoPrimaryException("all standbys")))
        .as("no host accepts writes yet")
        .isTrue();
    assertThat(
            DatabaseFailures.isUnavailable(
                new PgException(
                    "cannot execute UPDATE in a read-only transaction", "ERROR", "25006", null)))
        .as("the host we wrote to has become read-only")
        .isTrue();
  }

  @Test
  void aBugInAQueryIsNot() {
    assertThat(
            DatabaseFailures.isUnavailable(
                new PgException("could not determine data type", "ERROR", "42P18", null)))
        .isFalse();
    assertThat(DatabaseFailures.isUnavailable(new VertxException("Some other failure", true)))
        .isFalse();
    assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("bug"))).isFalse();
    assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("Timeout")))
        .as("an exception that merely says Timeout is not the pool's")
        .isFalse();
  }

  /** What a real pool fails with, so that an upgrade that changes it fails here. */
  @Test
  void aRealPoolThatRanOutOfTimeForAConnectionIsUnavailable() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (TestDatabase database = TestDatabase.createEmpty()) {
      Pool pool =
          DatabasePool.shared(
              vertx, new PoolSettings(database.settings(), 1, Duration.ofMillis(1000)));
      SqlConnection held = firstConnection(pool);

      Future<?> transaction =
          pool.withTransaction(connection -> connection.query("SELECT 1").execute());
      Future<?> query = pool.query("SELECT 1").execute();

      assertThatThrownBy(transaction::await)
          .satisfies(
              failure ->
                  assertThat(DatabaseFailures.isUnavailable(failure))
                      .as(failure.toString())
                      .isTrue());
      assertThatThrownBy(query::await)
          .satisfies(
              failure ->
                  assertThat(DatabaseFailures.isUnavailable(failure))
                      .as(failure.toString())
                      .isTrue());
      held.close().await();
    } finally {
      vertx.close().await();
    }
  }

  /**
   * The pool's one connection. On a busy machine opening it may itself outlast the short wait, and
   * finding the primary may time out (it is asked again after a pause), so this tries for a while.
   */
  private static SqlConnection firstConnection(Pool pool) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        return pool.getConnection().await();
      } catch (Exception slow) { // await() rethrows a checked failure (NoPrimaryException) as is
        if (System.nanoTime() > deadline) {
          throw slow;
        }
        Thread.sleep(200);
      }
    }
  }
}
