package dev.marketplace.payment;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.db.UniqueViolation;
import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.ErrorCode;
import dev.marketplace.common.idempotency.IdempotencyKeys;
import dev.marketplace.common.security.Sha256;
import dev.marketplace.order.payments.OrderPayments;
import dev.marketplace.order.payments.PayableOrder;
import dev.marketplace.payment.PaymentRepository.Source;
import dev.marketplace.payment.gateway.GatewayException;
import dev.marketplace.payment.gateway.PaymentGateway;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A buyer pays one of their pending orders by card token. The amount is the order's total, never
 * the client's. The attempt is recorded before the gateway is called, in a transaction that holds
 * the order's row lock, so two submits at once cannot both start one; the gateway then dedupes on
 * the payment's own key. The answer is 201 once captured, 202 while the gateway's answer is unknown
 * (a timeout: webhook or reconciler settle it), 402 when declined.
 *
 * <p>With an {@code Idempotency-Key}, a retry gets the same payment, in whatever state it has
 * reached, instead of starting another; the same key with another request is 409, as everywhere.
 * Unlike other writes ({@code WriteOperation}s, whose first answer is kept), the key is kept with
 * the payment: the gateway is called outside the transaction that claims it, and a retry should
 * learn what the payment became (captured after a 202), not what it was.
 */
public final class PayOrder implements OperationHandler {

  private static final Logger LOG = LoggerFactory.getLogger(PayOrder.class);

  private final Pool pool;
  private final PaymentRepository payments;
  private final OrderPayments orders;
  private final PaymentSettlement settlement;
  private final PaymentGateway gateway;
  private final String provider;

  public PayOrder(
      Pool pool,
      PaymentRepository payments,
      OrderPayments orders,
      PaymentSettlement settlement,
      PaymentGateway gateway,
      String provider) {
    this.pool = pool;
    this.payments = payments;
    this.orders = orders;
    this.settlement = settlement;
    this.gateway = gateway;
    this.provider = provider;
  }

  /** A payment that was started now, or found by the buyer's key (then not to be sent again). */
  private record Attempt(Payment payment, boolean fresh) {}

  @Override
  public Future<Reply> handle(BusRequest request) {
    long buyerId = request.callerId();
    long orderId = request.pathId("order_id");
    JsonObject body = request.body();
    String clientKey = request.headers().getString("Idempotency-Key");
    byte[] requestHash = clientKey == null ? null : Sha256.of(orderId + ":" + body.encode());
    return pool.withTransaction(
            tx ->
                orders
                    .lockForPayment(tx, orderId, buyerId)
                    .compose(
                        order -> {
                          if (clientKey == null) {
                            return start(tx, order, body, null, null);
                          }
                          return payments
                              .byClientKey(tx, buyerId, clientKey)
                              .compose(
                                  earlier -> {
                                    if (earlier.isEmpty()) {
                                      return start(tx, order, body, clientKey, requestHash);
                                    }
                                    if (!MessageDigest.isEqual(
                                        earlier.get().requestHash(), requestHash)) {
                                      throw IdempotencyKeys.reusedWithAnotherRequest();
                                    }
                                    return Future.succeededFuture(
                                        new Attempt(earlier.get().payment(), false));
                                  });
                        })
                    .recover(PayOrder::explainUniqueViolation))
        .compose(
            attempt ->
                attempt.fresh()
                    ? charge(attempt.payment(), body.getString("card_token"))
                    : Future.succeededFuture(attempt.payment()))
        .compose(this::answer);
  }

  /**
   * The same key racing on two orders, or (were the row lock ever bypassed) a second live payment
   * of one order: the database's unique indexes refuse the second insert.
   */
  private static Future<Attempt> explainUniqueViolation(Throwable failure) {
    if (UniqueViolation.is(failure)) {
      return Future.failedFuture(
          new DomainException(
              ErrorCode.DUPLICATE,
              "Another payment for this order or with this Idempotency-Key was just started."));
    }
    return Future.failedFuture(failure);
  }

  private Future<Attempt> start(
      SqlClient tx, PayableOrder order, JsonObject body, String clientKey, byte[] requestHash) {
    order.refuseUnpayable();
    return payments
        .start(
            tx,
            order.id(),
            order.buyerId(),
            order.total(),
            body.getString("payment_method"),
            provider,
            clientKey,
            requestHash)
        .compose(
            payment ->
                orders.paymentStarted(tx, order.id()).map(done -> new Attempt(payment, true)));
  }

  /**
   * Asks the gateway to authorize, then settles. A timeout leaves the payment pending for the
   * webhook or the reconciler. A gateway error is ambiguous, so the gateway is asked whether it
   * holds the payment before it is called failed.
   */
  private Future<Payment> charge(Payment payment, String cardToken) {
    return gateway
        .authorize(payment.gatewayKey(), payment.amount(), cardToken, payment.orderId())
        .compose(seen -> settlement.observe(payment, seen, Source.API))
        .recover(
            failure -> {
              if (!(failure instanceof GatewayException problem)) {
                return Future.failedFuture(failure);
              }
              LOG.warn("Payment {}: {}", payment.id(), problem.getMessage());
              return switch (problem.kind()) {
                case TIMEOUT -> Future.succeededFuture(payment);
                case UNAVAILABLE ->
                    gateway
                        .lookup(payment.gatewayKey())
                        .compose(
                            seen ->
                                seen.isPresent()
                                    ? settlement.observe(payment, seen.get(), Source.API)
                                    : settlement.fail(
                                        payment,
                                        "gateway_error",
                                        "The payment gateway had an error and charged nothing;"
                                            + " try again.",
                                        Source.API))
                        .recover(unknown -> Future.succeededFuture(payment));
                case REJECTED ->
                    settlement.fail(
                        payment,
                        "gateway_rejected",
                        "The payment gateway refused the request; nothing was charged.",
                        Source.API);
              };
            });
  }

  private Future<Reply> answer(Payment payment) {
    if (payment.status() == PaymentStatus.FAILED) {
      return Future.failedFuture(
          new DomainException(
              ErrorCode.PAYMENT_FAILED,
              "Payment "
                  + payment.id()
                  + " failed ("
                  + payment.failureCode()
                  + "): "
                  + payment.failureMessage()));
    }
    int status = payment.status().unsettled() ? 202 : 201;
    return payments.describe(pool, payment).map(json -> new Reply(status, json));
  }
}
