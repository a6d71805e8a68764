package dev.marketplace.order;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.InternalAction;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/**
 * Where the writing of order events stands ({@link EventPosition}). Internal ({@link
 * InternalAction#ORDER_EVENT_POSITION}): the HTTP edge asks for it to know up to which id a live
 * stream may be read without skipping an event still being written.
 */
public final class OrderEventPosition implements OperationHandler {

  private final Pool pool;
  private final OrderHistoryRepository history;

  public OrderEventPosition(Pool pool, OrderHistoryRepository history) {
    this.pool = pool;
    this.history = history;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    return history.position(pool).map(position -> Reply.ok(position.toJson()));
  }
}
