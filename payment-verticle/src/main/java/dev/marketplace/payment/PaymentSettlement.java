package dev.marketplace.payment;

import dev.marketplace.order.payments.OrderCapture;
import dev.marketplace.order.payments.OrderPayments;
import dev.marketplace.payment.PaymentRepository.Source;
import dev.marketplace.payment.gateway.GatewayPayment;
import dev.marketplace.payment.gateway.PaymentGateway;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings our record of a payment in line with what the gateway says about it, whoever learnt it:
 * the buyer's request, a webhook or the reconciler. Each step is a conditional update in one
 * transaction with the order's change, so the same news arriving twice, late or out of order
 * changes nothing the second time; an authorized payment is then captured, a captured one on a
 * cancelled order refunded.
 */
public final class PaymentSettlement {

  private static final Logger LOG = LoggerFactory.getLogger(PaymentSettlement.class);

  private final Pool pool;
  private final PaymentRepository payments;
  private final OrderPayments orders;
  private final PaymentGateway gateway;
  private final PaymentMeters meters;

  public PaymentSettlement(
      Pool pool,
      PaymentRepository payments,
      OrderPayments orders,
      PaymentGateway gateway,
      PaymentMeters meters) {
    this.pool = pool;
    this.payments = payments;
    this.orders = orders;
    this.gateway = gateway;
    this.meters = meters;
  }

  /**
   * What recording the gateway's news changed, and what has to follow once it is committed: the
   * order's side of a capture to publish (or its refund to make), a capture to ask for.
   */
  public record Recorded(Payment payment, Optional<OrderCapture> capture) {

    boolean needsCapture() {
      return payment.status() == PaymentStatus.AUTHORIZED;
    }

    boolean refundDue() {
      return capture.map(OrderCapture::refundDue).orElse(false);
    }
  }

  /** Records the gateway's view, commits, then carries on: capture, publish, refund. */
  public Future<Payment> observe(Payment payment, GatewayPayment seen, Source source) {
    return pool.withTransaction(tx -> record(tx, payment, seen, source))
        .compose(recorded -> followUp(recorded, source));
  }

  /** The database part of {@link #observe}, inside the caller's transaction. */
  public Future<Recorded> record(
      SqlClient tx, Payment payment, GatewayPayment seen, Source source) {
    long orderId = payment.orderId();
    return switch (seen.status()) {
      case AUTHORIZED ->
          advance(
              tx,
              payment,
              PaymentStatus.AUTHORIZED,
              seen.reference(),
              null,
              null,
              "Authorized by the gateway.",
              source,
              moved -> orders.paymentAuthorized(tx, orderId).map(unchanged(moved)));
      case CAPTURED ->
          advance(
              tx,
              payment,
              PaymentStatus.CAPTURED,
              seen.reference(),
              null,
              null,
              "Captured by the gateway.",
              source,
              moved -> {
                meters.captured().increment();
                return orders
                    .captured(tx, orderId)
                    .map(capture -> new Recorded(moved, Optional.of(capture)));
              });
      case DECLINED ->
          advance(
              tx,
              payment,
              PaymentStatus.FAILED,
              seen.reference(),
              seen.declineCode(),
              seen.message(),
              "Declined: " + seen.declineCode() + ".",
              source,
              moved -> {
                meters.declined().increment();
                return orders.paymentFailed(tx, orderId, seen.message()).map(unchanged(moved));
              });
      case REFUNDED ->
          advance(
              tx,
              payment,
              PaymentStatus.REFUNDED,
              seen.reference(),
              null,
              null,
              "Refunded by the gateway.",
              source,
              moved -> {
                meters.refunds().increment();
                return orders.refunded(tx, orderId).map(unchanged(moved));
              });
    };
  }

  /** Gives up on a payment the gateway never saw: nothing was charged. */
  public Future<Payment> fail(Payment payment, String code, String message, Source source) {
    return pool.withTransaction(
            tx ->
                advance(
                    tx,
                    payment,
                    PaymentStatus.FAILED,
                    null,
                    code,
                    message,
                    message,
                    source,
                    moved ->
                        orders.paymentFailed(tx, payment.orderId(), message).map(unchanged(moved))))
        .map(Recorded::payment);
  }

  /**
   * Moves the payment to {@code to} and, if it moved, lets {@code orderSide} change the order in
   * the same transaction; if it had already moved on, nothing changes and the payment is re-read.
   */
  private Future<Recorded> advance(
      SqlClient tx,
      Payment payment,
      PaymentStatus to,
      String reference,
      String failureCode,
      String failureMessage,
      String detail,
      Source source,
      Function<Payment, Future<Recorded>> orderSide) {
    return payments
        .advance(tx, payment.id(), to, reference, failureCode, failureMessage, detail, source)
        .compose(moved -> moved.isPresent() ? orderSide.apply(moved.get()) : current(tx, payment));
  }

  /** What follows a committed change: publish the order's move, capture, or refund. */
  public Future<Payment> followUp(Recorded recorded, Source source) {
    recorded.capture().ifPresent(orders::afterCommit);
    if (recorded.refundDue()) {
      refund(recorded.payment().orderId(), source)
          .onFailure(
              failure ->
                  LOG.warn(
                      "Refund of order {} left to the reconciler: {}",
                      recorded.payment().orderId(),
                      failure.toString()));
    }
    if (recorded.needsCapture()) {
      Payment authorized = recorded.payment();
      return gateway
          .capture(authorized.gatewayKey(), authorized.transactionId())
          .compose(
              seen ->
                  seen.status() == GatewayPayment.Status.AUTHORIZED
                      ? Future.succeededFuture(authorized)
                      : observe(authorized, seen, source));
    }
    return Future.succeededFuture(recorded.payment());
  }

  /** Refunds the captured payment of a cancelled order whose refund is due. */
  public Future<Void> refund(long orderId, Source source) {
    return payments
        .capturedOf(pool, orderId)
        .compose(
            captured -> {
              if (captured.isEmpty()) {
                return Future.succeededFuture();
              }
              Payment payment = captured.get();
              return gateway
                  .refund(payment.gatewayKey(), payment.transactionId(), payment.amount())
                  .compose(seen -> observe(payment, seen, source))
                  .mapEmpty();
            });
  }

  private Future<Recorded> current(SqlClient tx, Payment payment) {
    return payments.byId(tx, payment.id()).map(found -> unchanged(found.orElse(payment)));
  }

  private static Recorded unchanged(Payment payment) {
    return new Recorded(payment, Optional.empty());
  }
}
