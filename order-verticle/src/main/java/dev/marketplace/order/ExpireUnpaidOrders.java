package dev.marketplace.order;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;

/**
 * Unpaid orders hold their stock only for a while: past that, they cancel themselves and the stock
 * goes back on sale. The sweep reads the database, not memory, so orders placed before a restart
 * expire all the same. Runs on a timer, and as an internal action ({@code
 * InternalAction.EXPIRE_UNPAID_ORDERS}) for operators and tests. Each batch's returned stock is
 * announced to every api node.
 */
public final class ExpireUnpaidOrders implements OperationHandler {

  private static final int BATCH = 500;

  private final Pool pool;
  private final OrderRepository orders;
  private final OrderEventPublisher publisher;
  private final StockChangeNotices stockChanges;
  private final Duration hold;
  private final Clock clock;
  private final OrderMeters meters;

  public ExpireUnpaidOrders(
      Pool pool,
      OrderRepository orders,
      OrderEventPublisher publisher,
      StockChangeNotices stockChanges,
      Duration hold,
      Clock clock,
      OrderMeters meters) {
    this.pool = pool;
    this.orders = orders;
    this.publisher = publisher;
    this.stockChanges = stockChanges;
    this.hold = hold;
    this.clock = clock;
    this.meters = meters;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    return sweep().map(count -> Reply.ok(new JsonObject().put("expired", count)));
  }

  /** Expires every overdue order, a batch at a time; completes with how many. */
  public Future<Integer> sweep() {
    return orders
        .expireUnpaid(pool, clock.instant().minus(hold), BATCH)
        .compose(
            expired -> {
              // One statement on the pool: what it returns is committed.
              meters.unpaidExpired().increment(expired.size());
              expired.forEach(publisher::publish);
              return stockChanges
                  .returnedBy(expired.stream().map(change -> change.order().id()).toList())
                  .compose(
                      announced ->
                          expired.size() < BATCH
                              ? Future.succeededFuture(expired.size())
                              : sweep().map(more -> more + expired.size()));
            });
  }
}
