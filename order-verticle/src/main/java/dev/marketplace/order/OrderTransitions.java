package dev.marketplace.order;

import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.List;

/**
 * Moves orders through the status machine on behalf of an actor, publishes each change, and
 * explains every refusal: 404 for an unknown order, 403 for someone else's, 409 for a move the
 * machine does not allow from where the order is. A cancellation's returned stock is announced to
 * every api node before the move completes.
 */
public final class OrderTransitions {

  private final Pool pool;
  private final OrderRepository orders;
  private final OrderStatusMachine machine;
  private final OrderEventPublisher publisher;
  private final StockChangeNotices stockChanges;

  public OrderTransitions(
      Pool pool,
      OrderRepository orders,
      OrderStatusMachine machine,
      OrderEventPublisher publisher,
      StockChangeNotices stockChanges) {
    this.pool = pool;
    this.orders = orders;
    this.machine = machine;
    this.publisher = publisher;
    this.stockChanges = stockChanges;
  }

  public Future<OrderChange> move(
      long orderId, Actor actor, Long actorId, OrderStatus to, OrderRepository.Move move) {
    return orders
        .transition(pool, orderId, actor, actorId, machine.sourcesOf(actor, to), to, move)
        .compose(
            changed -> {
              if (changed.isPresent()) {
                OrderChange change = publisher.publish(changed.get());
                return to == OrderStatus.CANCELLED
                    ? stockChanges.returnedBy(List.of(change.order().id())).map(change)
                    : Future.succeededFuture(change);
              }
              return orders
                  .state(pool, orderId)
                  .map(
                      state -> {
                        throw refusal(state.orElse(null), orderId, actor, actorId, to);
                      });
            });
  }

  static DomainException refusal(
      OrderState state, long orderId, Actor actor, Long actorId, OrderStatus to) {
    if (state == null) {
      return DomainException.notFound("Order " + orderId + " not found.");
    }
    if (actor == Actor.BUYER && state.buyerId() != actorId
        || actor == Actor.SELLER && state.sellerId() != actorId) {
      return DomainException.forbidden("Order " + orderId + " is not yours.");
    }
    if (to == OrderStatus.PROCESSING && !state.paid()) {
      return new DomainException(
          ErrorCode.INVALID_TRANSITION,
          "Order " + orderId + " is unpaid; it moves to processing when its payment is captured.");
    }
    return new DomainException(
        ErrorCode.INVALID_TRANSITION,
        "Order "
            + orderId
            + " is "
            + state.status().dbValue()
            + " and cannot become "
            + to.dbValue()
            + (actor == Actor.BUYER ? " by its buyer." : "."));
  }
}
