package dev.marketplace.payment;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.order.payments.OrderPayments;
import dev.marketplace.payment.PaymentRepository.Source;
import dev.marketplace.payment.gateway.PaymentGateway;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles what the request and the webhooks left open, on a timer: payments whose gateway call
 * ended without an answer are looked up by their key and settled as the gateway says (a payment the
 * gateway never received is failed once it is older than {@code lostAfter}, as no call about it can
 * still be under way), and due refunds are made. Handled webhook events are forgotten after 30
 * days, long past any redelivery. Every step is idempotent, so several reconcilers running at once
 * only repeat each other. Also an internal event-bus action ({@code
 * InternalAction.RECONCILE_PAYMENTS}), for tests and operators.
 */
public final class ReconcilePayments implements OperationHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ReconcilePayments.class);
  private static final int BATCH = 100;
  private static final Duration WEBHOOK_EVENT_RETENTION = Duration.ofDays(30);

  private final Pool pool;
  private final PaymentRepository payments;
  private final OrderPayments orders;
  private final PaymentSettlement settlement;
  private final PaymentGateway gateway;
  private final Duration settleAfter;
  private final Duration lostAfter;
  private final PaymentMeters meters;

  public ReconcilePayments(
      Pool pool,
      PaymentRepository payments,
      OrderPayments orders,
      PaymentSettlement settlement,
      PaymentGateway gateway,
      Duration settleAfter,
      Duration lostAfter,
      PaymentMeters meters) {
    this.pool = pool;
    this.payments = payments;
    this.orders = orders;
    this.settlement = settlement;
    this.gateway = gateway;
    this.settleAfter = settleAfter;
    this.lostAfter = lostAfter;
    this.meters = meters;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    return run()
        .map(
            pass ->
                Reply.ok(
                    new JsonObject()
                        .put("settled", pass.settled())
                        .put("refunded", pass.refunded())));
  }

  /** What one pass did: payments settled and refunds made. */
  public record Pass(int settled, int refunded) {}

  /** One pass: measure the backlog, settle, refund, then forget old webhook events. */
  public Future<Pass> run() {
    return measureBacklog()
        .compose(measured -> payments.unsettled(pool, settleAfter, lostAfter, BATCH))
        .compose(open -> oneByOne(open, this::settle))
        .compose(
            settled ->
                orders
                    .refundsDue(pool, BATCH)
                    .compose(
                        due ->
                            oneByOne(
                                due,
                                orderId -> settlement.refund(orderId, Source.RECONCILER).map(true)))
                    .map(refunded -> new Pass(settled, refunded)))
        .compose(pass -> payments.forgetWebhookEvents(pool, WEBHOOK_EVENT_RETENTION).map(pass));
  }

  private Future<Void> measureBacklog() {
    return payments
        .countUnsettled(pool, settleAfter)
        .compose(open -> orders.countRefundsDue(pool).map(due -> open + due))
        .onSuccess(meters.reconciliationBacklog()::set)
        .mapEmpty();
  }

  private Future<Boolean> settle(PaymentRepository.Unsettled unsettled) {
    Payment payment = unsettled.payment();
    return gateway
        .lookup(payment.gatewayKey())
        .compose(
            seen -> {
              if (seen.isPresent()) {
                return settlement
                    .observe(payment, seen.get(), Source.RECONCILER)
                    .map(settled -> !settled.status().unsettled());
              }
              if (unsettled.lost()) {
                return settlement
                    .fail(
                        payment,
                        "not_received",
                        "The payment gateway never received this payment; nothing was charged.",
                        Source.RECONCILER)
                    .map(true);
              }
              return Future.succeededFuture(false);
            });
  }

  /**
   * Runs {@code step} on each item in turn, counting successes; a failure is logged and skipped.
   */
  private static <T> Future<Integer> oneByOne(List<T> items, Function<T, Future<Boolean>> step) {
    Future<Integer> chain = Future.succeededFuture(0);
    for (T item : items) {
      chain =
          chain.compose(
              done ->
                  step.apply(item)
                      .map(counted -> counted ? done + 1 : done)
                      .otherwise(
                          failure -> {
                            LOG.warn("Reconciling {} failed: {}", item, failure.toString());
                            return done;
                          }));
    }
    return chain;
  }
}
