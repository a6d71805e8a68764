package dev.marketplace.common.db;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.error.DomainException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Where a read that tolerates a replica runs (catalog reads, seller analytics): on a replica that
 * serves reads and has replayed what the request must see ({@link BusRequest#readAfter()}), the
 * replicas taking turns, or else on the primary. Without {@code MARKETPLACE_DB_READ_URL}, always on
 * the primary.
 *
 * <p>A read that fails on a replica for any reason but a refusal of ours ({@link DomainException}),
 * or has no answer within the time a request may wait for a connection (a replica cut off without
 * closing its connections), runs again on the primary, once: reads change nothing, and the replica
 * is skipped until its next check finds it well, so that a replica dying between two checks costs
 * its callers a little time and no error.
 */
public final class ReadRouting {

  private final Pool primary;
  private final ReadReplicas replicas;

  private ReadRouting(Pool primary, ReadReplicas replicas) {
    this.primary = primary;
    this.replicas = replicas;
  }

  /** Reads of a process whose primary pool is {@code primary}, configured by {@code settings}. */
  public static ReadRouting of(Vertx vertx, Pool primary, PoolSettings settings) {
    return new ReadRouting(
        primary,
        settings
            .replicas()
            .map(replicas -> ReadReplicas.of(vertx, settings, replicas))
            .orElse(null));
  }

  /** Reads that must see everything committed: always on {@code primary}. */
  public static ReadRouting onPrimary(Pool primary) {
    return new ReadRouting(primary, null);
  }

  /**
   * Runs {@code read} on the chosen pool; an answer from a replica carries the position it had
   * replayed ({@link Reply#readAt()}), for the edge's cache to judge.
   */
  public Future<Reply> reply(BusRequest request, Function<Pool, Future<Reply>> read) {
    ReadReplicas.Replica replica = replicas == null ? null : replicas.choose(request.readAfter());
    if (replica == null) {
      return run(read, primary);
    }
    // Read before the query starts: the replica has replayed at least this far when it runs.
    long position = replica.replayed;
    return run(read, replica.pool)
        .timeout(replicas.timeoutMillis(), TimeUnit.MILLISECONDS)
        .map(reply -> reply.readAt(position))
        .recover(
            failure -> {
              if (failure instanceof DomainException) {
                return Future.failedFuture(failure);
              }
              replicas.failed(replica, failure);
              return run(read, primary);
            });
  }

  private static Future<Reply> run(Function<Pool, Future<Reply>> read, Pool pool) {
    try {
      return read.apply(pool);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
