package dev.marketplace.common.bus;

import io.vertx.core.Future;

/**
 * A use case that changes state, run by the {@link OperationDispatcher} so that it honours {@code
 * Idempotency-Key}: when the request carries a key (the contract declares the header on the
 * operation, and the edge forwards only declared headers), the dispatcher claims the key in a
 * transaction and runs the work in that same transaction, so a retry can never apply it twice.
 *
 * <p>The work runs its SQL on {@link UnitOfWork#sql()} only, and does what others must hear of
 * (events, cache invalidations) in {@link UnitOfWork#afterCommit}: a replayed answer runs neither.
 */
@FunctionalInterface
public interface WriteOperation {

  Future<Reply> handle(BusRequest request, UnitOfWork work);

  /**
   * What the work needs done before its transaction opens, on the request it then handles. A slow
   * step that needs no database (hashing a password) must not run inside the transaction: it would
   * hold rows others wait for, and PostgreSQL ends a session idle in a transaction after a few
   * seconds ({@code DatabaseSettings.IDLE_IN_TRANSACTION}). Runs before the key is looked up, so a
   * retry prepares again.
   */
  default Future<BusRequest> prepare(BusRequest request) {
    return Future.succeededFuture(request);
  }

  /**
   * Whether the work needs a transaction even without a key. False only for work that is a single
   * statement, atomic by itself, which then runs straight on the pool when no key is sent.
   */
  default boolean transactional() {
    return true;
  }

  /** {@code work} as a single-statement operation (see {@link #transactional()}). */
  static WriteOperation singleStatement(WriteOperation work) {
    return new WriteOperation() {
      @Override
      public Future<Reply> handle(BusRequest request, UnitOfWork unit) {
        return work.handle(request, unit);
      }

      @Override
      public boolean transactional() {
        return false;
      }
    };
  }
}
