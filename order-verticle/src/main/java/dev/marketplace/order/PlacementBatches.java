package dev.marketplace.order;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Places single-product orders in batches, to pay PostgreSQL's per-transaction cost (the commit's
 * WAL flush, the round trip) once for several orders. Up to {@code lanes} round trips run at once;
 * an order that finds a lane free goes alone, at once, as the single statement it always was. When
 * every lane is busy, orders wait, and the next lane to come back takes up to {@code maxBatch} of
 * them into one transaction: no timer, so no latency is added at low load.
 *
 * <p>Inside a batch each order is its own {@link OrderRepository#PLACE_ORDER} statement, sent
 * together on one connection (the client pipelines them) in one transaction. Each keeps its own
 * outcome: a refusal (short stock, unknown product) is an empty result that fails nothing around
 * it, and orders of the same product take the stock in the order they came, as separate
 * transactions would. Orders run sorted by product id (stably), so two batches lock stock rows in
 * the same order and never deadlock each other. If a statement fails, the transaction rolls back
 * having committed nothing and each order runs again alone, getting the outcome it would have got
 * without batching. A failed commit fails its orders: their outcome is unknown, as for a single
 * statement whose connection breaks.
 *
 * <p>Touched only on the owning verticle's event loop.
 */
final class PlacementBatches {

  private final Pool pool;
  private final OrderRepository orders;
  private final int lanes;
  private final int maxBatch;
  private final Deque<Waiting> waiting = new ArrayDeque<>();
  private int busyLanes;

  PlacementBatches(Pool pool, OrderRepository orders, int lanes, int maxBatch) {
    this.pool = pool;
    this.orders = orders;
    this.lanes = lanes;
    this.maxBatch = maxBatch;
  }

  /** Places the order; empty when nothing changed (as {@link OrderRepository#place}). */
  Future<Optional<OrderChange>> place(long buyerId, long productId, int quantity) {
    Waiting order = new Waiting(buyerId, productId, quantity, Promise.promise());
    waiting.add(order);
    if (busyLanes < lanes) {
      runNext();
    }
    return order.outcome().future();
  }

  private void runNext() {
    List<Waiting> batch = new ArrayList<>();
    while (batch.size() < maxBatch && !waiting.isEmpty()) {
      batch.add(waiting.poll());
    }
    if (batch.isEmpty()) {
      return;
    }
    busyLanes++;
    Future<Void> done = batch.size() == 1 ? alone(batch.getFirst()) : together(batch);
    done.onComplete(
        finished -> {
          busyLanes--;
          runNext();
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
        .compose(
            connection ->
                connection
                    .begin()
                    .compose(transaction -> placeAll(connection, transaction, inLockOrder))
                    .eventually(connection::close))
        .transform(
            settled -> {
              if (settled.succeeded() && settled.result()) {
                return Future.succeededFuture();
              }
              // Rolled back, or never begun: nothing committed, so each order runs alone and gets
              // the outcome it would have got without batching.
              return Future.join(inLockOrder.stream().map(this::alone).toList()).mapEmpty();
            });
  }

  /**
   * Runs the batch's statements in {@code transaction}; true once it has committed, or its commit
   * failed and its orders were told so, false when it rolled back.
   */
  private Future<Boolean> placeAll(
      SqlConnection connection, Transaction transaction, List<Waiting> batch) {
    List<Future<Optional<OrderChange>>> placed = new ArrayList<>();
    for (Waiting order : batch) {
      placed.add(orders.place(connection, order.buyerId(), order.productId(), order.quantity()));
    }
    return Future.join(placed)
        .transform(
            statements -> {
              if (statements.failed()) {
                return transaction
                    .rollback()
                    .transform(rolledBack -> Future.succeededFuture(false));
              }
              return transaction
                  .commit()
                  .onSuccess(
                      committed -> {
                        for (int i = 0; i < batch.size(); i++) {
                          batch.get(i).outcome().complete(placed.get(i).result());
                        }
                      })
                  .onFailure(unknown -> batch.forEach(order -> order.outcome().fail(unknown)))
                  .transform(settled -> Future.succeededFuture(true));
            });
  }

  private record Waiting(
      long buyerId, long productId, int quantity, Promise<Optional<OrderChange>> outcome) {}
}
