package dev.marketplace.order;

import dev.marketplace.common.bus.UnitOfWork;
import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.ErrorCode;
import io.vertx.core.Future;
import java.util.List;

/**
 * Moves orders through the status machine on behalf of an actor, publishes each change, and
 * explains every refusal: 404 for an unknown order, 403 for someone else's, 409 for a move the
 * machine does not allow from where the order is. The move runs in the caller's unit of work; once
 * it has committed, the change is published and a cancellation's returned stock is announced to
 * every api node, before the answer goes out.
 */
public final class OrderTransitions {

  private final OrderRepository orders;
  private final OrderStatusMachine machine;
  private final OrderEventPublisher publisher;
  private final StockChangeNotices stockChanges;

  public OrderTransitions(
      OrderRepository orders,
      OrderStatusMachine machine,
      OrderEventPublisher publisher,
      StockChangeNotices stockChanges) {
    this.orders = orders;
    this.machine = machine;
    this.publisher = publisher;
    this.stockChanges = stockChanges;
  }

  public Future<OrderChange> move(
      UnitOfWork work,
      long orderId,
      Actor actor,
      Long actorId,
      OrderStatus to,
      OrderRepository.Move move) {
    return orders
        .transition(work.sql(), orderId, actor, actorId, machine.sourcesOf(actor, to), to, move)
        .compose(
            changed -> {
              if (changed.isPresent()) {
                OrderChange change = changed.get();
                work.afterCommit(() -> publisher.publish(change));
                if (to == OrderStatus.CANCELLED) {
                  work.afterCommitAwaiting(
                      () -> stockChanges.returnedBy(List.of(change.order().id())));
                }
                return Future.succeededFuture(change);
              }
              return orders
                  .state(work.sql(), orderId)
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
    if (state.status() == to) {
      // A second cancel (a double click, a retry without a key) is told what it asked for holds.
      return new DomainException(
          ErrorCode.INVALID_TRANSITION, "Order " + orderId + " is already " + to.dbValue() + ".");
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
