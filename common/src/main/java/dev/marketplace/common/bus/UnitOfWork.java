package dev.marketplace.common.bus;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where a {@link WriteOperation} runs: the SQL client of its transaction (or the pool, for a single
 * statement sent without a key), and what to do once it has committed.
 */
public final class UnitOfWork {

  private final SqlClient sql;
  private final List<Supplier<Future<?>>> afterCommit = new ArrayList<>();

  UnitOfWork(SqlClient sql) {
    this.sql = sql;
  }

  /**
   * Whether the work runs in a transaction of its own (an {@code Idempotency-Key}'s, or one the
   * operation asked for), rather than statement by statement on the pool.
   */
  public boolean ownTransaction() {
    return !(sql instanceof Pool);
  }

  /** Runs every statement of the work. */
  public SqlClient sql() {
    return sql;
  }

  /**
   * Runs {@code action} once the work has committed and before the answer is sent, in the order
   * given; the answer waits for the future it returns. Not run when the work fails, nor for a retry
   * answered from its {@code Idempotency-Key}.
   */
  public void afterCommitAwaiting(Supplier<Future<?>> action) {
    afterCommit.add(action);
  }

  /** {@link #afterCommitAwaiting}, for an action that is done when it returns. */
  public void afterCommit(Runnable action) {
    afterCommitAwaiting(
        () -> {
          action.run();
          return Future.succeededFuture();
        });
  }

  Future<Void> committed() {
    Future<?> chain = Future.succeededFuture();
    for (Supplier<Future<?>> action : afterCommit) {
      chain = chain.compose(done -> action.get());
    }
    return chain.mapEmpty();
  }
}
