package dev.marketplace.order;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.InternalAction;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

/**
 * The events a live stream missed: those on the caller's orders after a given event id, oldest
 * first, a page at a time. Internal ({@link InternalAction#ORDER_EVENTS_SINCE}): the HTTP edge asks
 * for it when a client resumes a stream. Without {@code after}, the answer is only the id of the
 * newest event ({@code latest}), where a new stream starts.
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
    if (request.body().getValue("after") == null) {
      return orders
          .latestEventId(pool)
          .map(
              latest ->
                  Reply.ok(new JsonObject().put("events", new JsonArray()).put("latest", latest)));
    }
    return orders
        .eventsSince(
            pool,
            owner,
            request.callerId(),
            request.body().getLong("after"),
            request.body().getInteger("limit"))
        .map(events -> Reply.list("events", events, OrderEvent::toJson));
  }
}
