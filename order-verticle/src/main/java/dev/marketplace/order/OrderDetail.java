package dev.marketplace.order;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.error.DomainException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import java.util.List;

/**
 * One order with its timeline, shipping information and payment status, for its buyer or seller.
 */
public final class OrderDetail implements OperationHandler {

  private final Pool pool;
  private final OrderReadRepository orders;
  private final OrderHistoryRepository history;
  private final Actor viewer;

  public OrderDetail(
      Pool pool, OrderReadRepository orders, OrderHistoryRepository history, Actor viewer) {
    this.pool = pool;
    this.orders = orders;
    this.history = history;
    this.viewer = viewer;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    long orderId = request.pathId("order_id");
    long callerId = request.callerId();
    return orders
        .find(pool, orderId)
        .compose(
            found -> {
              Order order =
                  found.orElseThrow(
                      () -> DomainException.notFound("Order " + orderId + " not found."));
              long owner = viewer == Actor.SELLER ? order.sellerId() : order.buyerId();
              if (owner != callerId) {
                throw DomainException.forbidden("Order " + orderId + " is not yours.");
              }
              return Future.all(
                      history.history(pool, orderId), orders.itemsOf(pool, List.of(orderId)))
                  .map(
                      loaded -> {
                        JsonArray timeline = new JsonArray();
                        loaded
                            .<List<OrderEvent>>resultAt(0)
                            .forEach(event -> timeline.add(event.toJson()));
                        JsonArray items = new JsonArray();
                        loaded
                            .<List<OrderItem>>resultAt(1)
                            .forEach(item -> items.add(item.toJson()));
                        return Reply.ok(
                            order.toJson().put("items", items).put("timeline", timeline));
                      });
            });
  }
}
