package dev.marketplace.payment;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.order.payments.OrderPayments;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

/** A buyer reads every payment attempt on one of their orders, each with its history. */
public final class ListOrderPayments implements OperationHandler {

  private final Pool pool;
  private final PaymentRepository payments;
  private final OrderPayments orders;

  public ListOrderPayments(Pool pool, PaymentRepository payments, OrderPayments orders) {
    this.pool = pool;
    this.payments = payments;
    this.orders = orders;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    long orderId = request.pathId("order_id");
    long buyerId = request.callerId();
    return orders
        .checkBuyer(pool, orderId, buyerId)
        .compose(owned -> payments.ofOrder(pool, orderId))
        .map(
            found -> {
              JsonArray list = new JsonArray();
              found.forEach((payment, history) -> list.add(payment.toJson(history)));
              return Reply.ok(new JsonObject().put("payments", list));
            });
  }
}
