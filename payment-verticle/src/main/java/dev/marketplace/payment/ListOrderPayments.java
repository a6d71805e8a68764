package dev.marketplace.payment;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.error.DomainException;
import dev.marketplace.order.OrderRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

/** A buyer reads every payment attempt on one of their orders, each with its history. */
public final class ListOrderPayments implements OperationHandler {

  private final Pool pool;
  private final PaymentRepository payments;
  private final OrderRepository orders;

  public ListOrderPayments(Pool pool, PaymentRepository payments, OrderRepository orders) {
    this.pool = pool;
    this.payments = payments;
    this.orders = orders;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    long orderId = request.pathId("order_id");
    long buyerId = request.callerId();
    return orders
        .stateOf(orderId)
        .compose(
            state -> {
              if (state.isEmpty()) {
                throw DomainException.notFound("Order " + orderId + " not found.");
              }
              if (state.get().buyerId() != buyerId) {
                throw DomainException.forbidden("Order " + orderId + " is not yours.");
              }
              return payments.ofOrder(pool, orderId);
            })
        .map(
            found -> {
              JsonArray list = new JsonArray();
              found.forEach((payment, history) -> list.add(payment.toJson(history)));
              return Reply.ok(new JsonObject().put("payments", list));
            });
  }
}
