package dev.marketplace.order;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Places single-product orders in batches, to pay PostgreSQL's per-transaction cost (the commit's
 * WAL flush, the round trip) once for several orders. Up to {@code lanes} round trips run at once;
 * an order that finds a lane free goes alone, at once, as the single statement it always was. When
 * every lane is busy, orders wait, and the next lane to come back takes up to {@code maxBatch} of
 * them into one transaction: no timer, so no latency is added at low load.
 *
 * <p>Inside a batch each order is its own {@link OrderRepository#PLACE_ORDER} statement, sent
 * together on one connection with the transaction's BEGIN and COMMIT (the client pipelines them),
 * so that a batch costs one round trip. Each keeps its own outcome: a refusal (short stock, unknown
 * product) is an empty result that fails nothing around it, and orders of the same product take the
 * stock in the order they came, as separate transactions would. Orders run sorted by product id
 * (stably), so two batches lock stock rows in the same order and never deadlock each other. If a
 * statement fails on the server, the transaction rolls back having committed nothing and each order
 * runs again alone, getting the outcome it would have got without batching, outside the lanes. A
 * lock held for long (a seller's bulk import, a frozen session) holds up only the orders that need
 * it: a batch waits at most 200 ms for a row lock, then sends its orders to wait alone, and any
 * round trip that takes that long while orders queue gives up its lane. A batch whose connection
 * breaks before its COMMIT is answered fails its orders, never runs them again: their outcome is
 * unknown, as for a single statement whose connection breaks.
 *
 * <p>Touched only on the owning verticle's event loop.
 */
final class PlacementBatches {

  private static final long STUCK_MILLIS = 200;
  private static final String SHORT_LOCK_WAIT = "SET LOCAL lock_timeout = '" + STUCK_MILLIS + "ms'";

  private final Vertx vertx;
  private final Pool pool;
  private final OrderRepository orders;
  private final int lanes;
  private final int maxBatch;
  private final Deque<Waiting> waiting = new ArrayDeque<>();
  // The round trips that hold a lane.
  private final Set<RoundTrip> running = new HashSet<>();
  private long stuckCheck = -1;

  PlacementBatches(Vertx vertx, Pool pool, OrderRepository orders, int lanes, int maxBatch) {
    this.vertx = vertx;
    this.pool = pool;
    this.orders = orders;
    this.lanes = lanes;
    this.maxBatch = maxBatch;
  }

  /** Places the order; empty when nothing changed (as {@link OrderRepository#place}). */
  Future<Optional<OrderChange>> place(long buyerId, long productId, int quantity) {
    Waiting order = new Waiting(buyerId, productId, quantity, Promise.promise());
    waiting.add(order);
    runNext();
    if (!waiting.isEmpty()) {
      watchForStuckRoundTrips();
    }
    return order.outcome().future();
  }

  private void runNext() {
    while (running.size() < lanes && !waiting.isEmpty()) {
      List<Waiting> batch = new ArrayList<>();
      while (batch.size() < maxBatch && !waiting.isEmpty()) {
        batch.add(waiting.poll());
      }
      RoundTrip trip = new RoundTrip(System.nanoTime());
      running.add(trip);
      Future<Void> done = batch.size() == 1 ? alone(batch.getFirst()) : together(batch);
      done.onComplete(
          finished -> {
            running.remove(trip);
            runNext();
          });
    }
  }

  /**
   * While orders wait, a round trip that has taken {@value #STUCK_MILLIS} ms (an order waiting for
   * a row lock held for long) gives up its lane and finishes on its own connection, so that it
   * holds up no order behind it.
   */
  private void watchForStuckRoundTrips() {
    if (stuckCheck >= 0) {
      return;
    }
    stuckCheck =
        vertx.setTimer(
            STUCK_MILLIS,
            tick -> {
              stuckCheck = -1;
              long now = System.nanoTime();
              running.removeIf(
                  trip -> now - trip.startedAt() >= TimeUnit.MILLISECONDS.toNanos(STUCK_MILLIS));
              runNext();
              if (!waiting.isEmpty()) {
                watchForStuckRoundTrips();
              }
            });
  }

  private Future<Void> alone(Waiting order) {
    return orders
        .place(pool, order.buyerId(), order.productId(), order.quantity())
        .onSuccess(order.outcome()::complete)
        .onFailure(order.outcome()::fail)
        .transform(settled -> Future.succeededFuture());
  }

  private Future<Void> together(List<Waiting> batch) {
    List<Waiting> inLockOrder =
        batch.stream().sorted(Comparator.comparingLong(Waiting::productId)).toList();
    return pool.getConnection()
        .compose(connection -> placeAll(connection, inLockOrder).eventually(connection::close))
        .transform(
            settled -> {
              if (settled.failed()) {
                // No connection: nothing ran.
                inLockOrder.forEach(order -> order.outcome().fail(settled.cause()));
              } else if (!settled.result()) {
                // Rolled back: nothing committed, so each order runs again alone, outside the
                // lanes, for the outcome it would have got without batching.
                inLockOrder.forEach(this::alone);
              }
              return Future.succeededFuture();
            });
  }

  /**
   * Sends the whole transaction at once, BEGIN to COMMIT, so that the batch costs one round trip;
   * true once it has committed, or its outcome is unknown and its orders were told so, false when
   * it rolled back. PostgreSQL answers a COMMIT after a failed statement with a rollback, not an
   * error, so an answered COMMIT tells which: rolled back if a statement failed on the server,
   * committed if none did.
   */
  private Future<Boolean> placeAll(SqlConnection connection, List<Waiting> batch) {
    Future<?> begin = connection.query("BEGIN").execute();
    // A batch that meets a lock held for long (a seller's import, a frozen session) gives up soon
    // and lets its orders wait alone, instead of holding up every order queued behind its lane.
    Future<?> shortLockWait = connection.query(SHORT_LOCK_WAIT).execute();
    List<Future<Optional<OrderChange>>> placed = new ArrayList<>();
    for (Waiting order : batch) {
      placed.add(orders.place(connection, order.buyerId(), order.productId(), order.quantity()));
    }
    Future<?> commit = connection.query("COMMIT").execute();
    List<Future<?>> sent = new ArrayList<>(placed);
    sent.addAll(List.of(begin, shortLockWait, commit));
    return Future.join(sent)
        .transform(
            answered -> {
              if (begin.failed() || commit.failed()) {
                // The connection broke: what committed is unknown, as for a single statement whose
                // connection breaks.
                Throwable unknown = begin.failed() ? begin.cause() : commit.cause();
                batch.forEach(order -> order.outcome().fail(unknown));
                return Future.succeededFuture(true);
              }
              if (failedOnTheServer(shortLockWait)
                  || placed.stream().anyMatch(PlacementBatches::failedOnTheServer)) {
                return Future.succeededFuture(false);
              }
              for (int i = 0; i < batch.size(); i++) {
                Future<Optional<OrderChange>> statement = placed.get(i);
                if (statement.succeeded()) {
                  batch.get(i).outcome().complete(statement.result());
                } else {
                  batch.get(i).outcome().fail(statement.cause());
                }
              }
              return Future.succeededFuture(true);
            });
  }

  private static boolean failedOnTheServer(Future<?> statement) {
    return statement.failed() && statement.cause() instanceof PgException;
  }

  /** One database round trip; each is its own, whatever its start time. */
  private static final class RoundTrip {
    private final long startedAt;

    RoundTrip(long startedAt) {
      this.startedAt = startedAt;
    }

    long startedAt() {
      return startedAt;
    }
  }

  private record Waiting(
      long buyerId, long productId, int quantity, Promise<Optional<OrderChange>> outcome) {}
}
