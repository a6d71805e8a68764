package dev.marketplace.common.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.common.db.DatabasePool;
import dev.marketplace.common.db.DatabaseSettings;
import dev.marketplace.common.db.PoolSettings;
import dev.marketplace.common.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A node that freezes (SIGSTOP, a stalled VM) inside a transaction must not hold its row locks for
 * longer than a few seconds: every session opens with {@code idle_in_transaction_session_timeout}
 * and {@code lock_timeout}, and what a session cut short that way reports answers 503.
 */
class FrozenTransactionTest {

  private Vertx vertx;
  private TestDatabase database;
  private Pool pool;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    database = TestDatabase.createEmpty();
    database.execute("CREATE TABLE sales (seller_id int PRIMARY KEY, total int NOT NULL)");
    database.execute("INSERT INTO sales VALUES (1, 0)");
    pool =
        DatabasePool.shared(
            vertx, new PoolSettings(database.settings(), 4, Duration.ofSeconds(10)));
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await();
    database.close();
  }

  @Test
  void aSessionFrozenInATransactionReleasesItsLocksAndItsWaiterProceeds() {
    SqlConnection frozen = pool.getConnection().await();
    Transaction silent = frozen.begin().await();
    frozen.query("UPDATE sales SET total = total + 1 WHERE seller_id = 1").execute().await();

    // Another node's capture of the same seller's row, sent while the lock is held.
    long start = System.nanoTime();
    pool.withTransaction(
            tx -> tx.query("UPDATE sales SET total = total + 10 WHERE seller_id = 1").execute())
        .await();
    Duration waited = Duration.ofNanos(System.nanoTime() - start);

    assertThat(waited)
        .as("the waiter proceeds once the silent session is ended")
        .isLessThan(DatabaseSettings.LOCK_WAIT);
    assertThatThrownBy(() -> silent.commit().await())
        .as("the frozen session wakes to a failure the api answers with 503")
        .satisfies(failure -> assertThat(DatabaseFailures.isUnavailable(failure)).isTrue());
    assertThat(
            pool.query("SELECT total FROM sales").execute().await().iterator().next().getInteger(0))
        .as("the frozen session's uncommitted change is gone, the waiter's is kept")
        .isEqualTo(10);
  }

  @Test
  void aLockHeldByABusySessionFailsItsWaiterWithinTheLockWaitAsUnavailable() {
    SqlConnection busy = pool.getConnection().await();
    busy.begin().await();
    busy.query("UPDATE sales SET total = total + 1 WHERE seller_id = 1").execute().await();
    // Busy, not idle: the idle timeout does not end it, the waiter's lock_timeout does.
    busy.query("SELECT pg_sleep(" + (DatabaseSettings.LOCK_WAIT.toSeconds() + 4) + ")").execute();

    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                pool.withTransaction(
                        tx ->
                            tx.query("UPDATE sales SET total = total + 10 WHERE seller_id = 1")
                                .execute())
                    .await())
        .satisfies(failure -> assertThat(DatabaseFailures.isUnavailable(failure)).isTrue());
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(DatabaseSettings.LOCK_WAIT.plusSeconds(3));
  }
}
