package dev.marketplace.common.db;

import dev.marketplace.common.db.PoolSettings.ReplicaSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Where the primary's write-ahead log stands after a commit, for a process whose reads may go to
 * replicas: the position (LSN) that a write's caller, and every api node hearing of the change,
 * then require of the replica they read from. Without replicas nothing needs it, and it asks
 * nothing.
 */
public final class WritePositions {

  private final WalPosition wal;

  private WritePositions(WalPosition wal) {
    this.wal = wal;
  }

  /** The positions of {@code settings}' primary, tracked only if it has replicas. */
  public static WritePositions of(Vertx vertx, PoolSettings settings) {
    return new WritePositions(
        settings.replicas().map(replicas -> replicasOf(vertx, settings, replicas)).orElse(null));
  }

  private static WalPosition replicasOf(
      Vertx vertx, PoolSettings settings, ReplicaSettings replicas) {
    return ReadReplicas.of(vertx, settings, replicas).positions();
  }

  /** Whether anything reads from replicas, so that positions matter. */
  public boolean tracked() {
    return wal != null;
  }

  /**
   * A position at or past every commit that completed before this call, or null when nothing is
   * tracked; failed when the primary cannot say.
   */
  public Future<Long> afterCommit() {
    return wal == null ? Future.succeededFuture() : wal.current();
  }
}
