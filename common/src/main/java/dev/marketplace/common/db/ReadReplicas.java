package dev.marketplace.common.db;

import dev.marketplace.common.db.PoolSettings.ReplicaSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.shareddata.Shareable;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replicas of one process: a pool on each, which of them may serve reads now, and how far each
 * has replayed.
 *
 * <p>Every {@link #CHECK_INTERVAL} it asks the primary where its WAL stands, then each replica how
 * far it has replayed. A replica is as fresh as the latest time the primary stood no further than
 * that: its lag is how long ago that was (zero when it has replayed all the primary had when
 * asked). A replica that does not answer, or lags by more than the limit, is skipped until a check
 * finds it back in shape; each change is logged once. When the primary cannot be asked (a failover
 * under way), the replicas keep the standing they had: nothing newer than what they have can be
 * written meanwhile, and the check resumes against the new primary once it is found.
 *
 * <p>A replica's replayed position, as the last check saw it, is a floor for what any query it runs
 * after that check sees: a caller that must see a change at position P is sent only to a replica
 * whose position is at least P, or else to the primary.
 *
 * <p>One per Vert.x instance and list of replicas, shared by every verticle.
 */
final class ReadReplicas implements Shareable {

  /** How often the primary and every replica are asked where they stand. */
  static final Duration CHECK_INTERVAL = Duration.ofMillis(250);

  private static final Logger LOG = LoggerFactory.getLogger(ReadReplicas.class);
  private static final String SHARED_NAME = "marketplace.read-replicas";

  // A replica that is in fact a primary (listed by mistake, or promoted) is always current.
  private static final String REPLAYED =
      "SELECT pg_wal_lsn_diff(CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()"
          + " ELSE pg_current_wal_insert_lsn() END, '0/0')::bigint AS replayed";

  private final Vertx vertx;
  private final List<Replica> replicas;
  private final WalPosition positions;
  private final long maxLagNanos;
  private final long timeoutMillis;
  private final AtomicInteger turn = new AtomicInteger();
  // The primary's position at each recent check, oldest first; guarded by itself.
  private final ArrayDeque<long[]> primarySamples = new ArrayDeque<>();

  private ReadReplicas(Vertx vertx, PoolSettings settings, ReplicaSettings replicas) {
    this.vertx = vertx;
    this.maxLagNanos = replicas.maxLag().toNanos();
    this.timeoutMillis = settings.connectionTimeout().toMillis();
    // A pool of its own on the primary, for positions: one question at a time is all it asks.
    Pool primary =
        PgBuilder.pool()
            .with(poolOptions("marketplace-positions", 1))
            .with(new NetClientOptions().setConnectTimeout((int) timeoutMillis))
            .connectingTo(DatabasePool.primaryOf(vertx, settings))
            .using(vertx)
            .build();
    this.positions = new WalPosition(primary, settings.connectionTimeout());
    this.replicas =
        replicas.database().hosts().stream()
            .map(host -> new Replica(host, replicaPool(replicas.database(), host, settings)))
            .toList();
    vertx.setTimer(1, id -> check());
  }

  /** The replicas of {@code settings} for {@code vertx}'s process. */
  static ReadReplicas of(Vertx vertx, PoolSettings settings, ReplicaSettings replicas) {
    return vertx
        .sharedData()
        .<String, ReadReplicas>getLocalMap(SHARED_NAME)
        .computeIfAbsent(
            replicas.database().uri(), key -> new ReadReplicas(vertx, settings, replicas));
  }

  WalPosition positions() {
    return positions;
  }

  /** How long a read on a replica may take before it is asked of the primary instead. */
  long timeoutMillis() {
    return timeoutMillis;
  }

  /**
   * A replica that serves reads and has replayed at least {@code position}, taking turns among
   * those that qualify; null when none does.
   */
  Replica choose(long position) {
    int count = replicas.size();
    int first = Math.floorMod(turn.getAndIncrement(), count);
    for (int i = 0; i < count; i++) {
      Replica replica = replicas.get((first + i) % count);
      if (replica.serving && replica.replayed >= position) {
        return replica;
      }
    }
    return null;
  }

  /** A read on {@code replica} failed as if it were down: skip it until a check finds it well. */
  void failed(Replica replica, Throwable cause) {
    replica.stand(false, "a read failed (" + cause + ")");
  }

  private void check() {
    long askedAt = System.nanoTime();
    positions
        .current()
        .transform(
            primary -> {
              boolean sampled = primary.succeeded();
              if (sampled) {
                synchronized (primarySamples) {
                  primarySamples.addLast(new long[] {askedAt, primary.result()});
                  // Kept for as long as a serving replica may lag, and two checks more.
                  long keepFrom = askedAt - maxLagNanos - 2 * CHECK_INTERVAL.toNanos();
                  while (primarySamples.size() > 1 && primarySamples.peekFirst()[0] < keepFrom) {
                    primarySamples.removeFirst();
                  }
                }
              }
              return Future.join(
                  replicas.stream().map(replica -> check(replica, sampled, askedAt)).toList());
            })
        .onComplete(done -> vertx.setTimer(CHECK_INTERVAL.toMillis(), id -> check()));
  }

  private Future<?> check(Replica replica, boolean primarySampled, long askedAt) {
    return replica
        .pool
        .query(REPLAYED)
        .execute()
        .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .onComplete(
            answer -> {
              if (answer.failed()) {
                replica.stand(false, "it does not answer (" + answer.cause().getMessage() + ")");
                return;
              }
              Row row = answer.result().iterator().next();
              Long replayed = row.getLong("replayed");
              replica.replayed = replayed == null ? 0 : replayed;
              if (!primarySampled) {
                // No primary to compare with: keep the standing it had, if it answers.
                replica.stand(replica.serving, "the primary cannot be asked where it stands");
                return;
              }
              long lag = lagOf(replica.replayed, askedAt);
              replica.stand(
                  lag <= maxLagNanos,
                  (lag == Long.MAX_VALUE ? "more than " + seconds(maxLagNanos) : seconds(lag))
                      + " s behind the primary; the limit is "
                      + seconds(maxLagNanos)
                      + " s");
            });
  }

  /** How long ago the primary last stood no further than {@code replayed}. */
  private long lagOf(long replayed, long now) {
    synchronized (primarySamples) {
      Iterator<long[]> newestFirst = primarySamples.descendingIterator();
      while (newestFirst.hasNext()) {
        long[] sample = newestFirst.next();
        if (sample[1] <= replayed) {
          return Math.max(0, now - sample[0]);
        }
      }
    }
    return Long.MAX_VALUE;
  }

  private Pool replicaPool(DatabaseSettings database, DatabaseHost host, PoolSettings settings) {
    return PgBuilder.pool()
        .with(poolOptions("marketplace-replica-" + host, settings.size()))
        .with(new NetClientOptions().setConnectTimeout((int) timeoutMillis))
        .connectingTo(
            database.connectOptions(host).addProperty("application_name", "marketplace-replica"))
        .using(vertx)
        .build();
  }

  private PoolOptions poolOptions(String name, int size) {
    return new PoolOptions()
        .setName(name)
        .setMaxSize(size)
        .setMaxWaitQueueSize(10_000)
        .setConnectionTimeout((int) timeoutMillis)
        .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
        .setIdleTimeout(60);
  }

  private static String seconds(long nanos) {
    return String.format("%.1f", nanos / 1e9);
  }

  /** One replica: its pool, how far it has replayed, and whether it serves reads now. */
  static final class Replica {

    final DatabaseHost host;
    final Pool pool;
    volatile long replayed = -1;
    volatile boolean serving;
    private boolean told;

    private Replica(DatabaseHost host, Pool pool) {
      this.host = host;
      this.pool = pool;
    }

    /** Serves reads or not from now on; a change is logged once, with why. */
    private synchronized void stand(boolean serves, String why) {
      boolean changed = serves != serving || !told;
      serving = serves;
      told = true;
      if (!changed) {
        return;
      }
      if (serves) {
        LOG.info("Replica {} serves reads ({})", host, why);
      } else {
        LOG.warn("Replica {} is skipped: {}", host, why);
      }
    }
  }
}
