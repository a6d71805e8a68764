package dev.marketplace.order;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.InternalAction;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/**
 * The events on the caller's orders with ids in ({@code after}, {@code until}], oldest first, a
 * page of at most {@code limit}. Internal ({@link InternalAction#ORDER_EVENTS_SINCE}): the HTTP
 * edge reads them for a live stream, only up to an id whose writers have all finished, so that an
 * event committed late under a smaller id is never skipped.
 */
public final class OrderEventsSince implements OperationHandler {

  private final Pool pool;
  private final OrderHistoryRepository orders;

  public OrderEventsSince(Pool pool, OrderHistoryRepository orders) {
    this.pool = pool;
    this.orders = orders;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    Actor owner = "seller".equals(request.caller().role()) ? Actor.SELLER : Actor.BUYER;
    return orders
        .eventsBetween(
            pool,
            owner,
            request.callerId(),
            request.body().getLong("after"),
            request.body().getLong("until"),
            request.body().getInteger("limit"))
        .map(events -> Reply.list("events", events, OrderEvent::toJson));
  }
}
