package dev.marketplace.payment;

import dev.marketplace.common.bus.OperationDispatcher;
import dev.marketplace.common.bus.Topics;
import dev.marketplace.common.db.DatabasePool;
import dev.marketplace.order.OrderEventPublisher;
import dev.marketplace.order.OrderPayments;
import dev.marketplace.order.OrderRepository;
import dev.marketplace.order.OrderStatusMachine;
import dev.marketplace.payment.PaymentRepository.Source;
import dev.marketplace.payment.gateway.HttpPaymentGateway;
import dev.marketplace.payment.gateway.PaymentGateway;
import dev.marketplace.payment.gateway.WebhookSignature;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Payments of orders through the configured gateway, gateway webhooks, refunds of cancelled orders
 * and the reconciler, served on the {@value #ADDRESS} address.
 */
public final class PaymentVerticle extends VerticleBase {

  public static final String ADDRESS = "payments";

  private static final Logger LOG = LoggerFactory.getLogger(PaymentVerticle.class);

  /** A gateway call that got no answer for this many timeouts can no longer be under way. */
  private static final int LOST_AFTER_TIMEOUTS = 10;

  private final Clock clock;
  private long reconcileTimer;

  public PaymentVerticle(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    JsonObject settings = config().getJsonObject("payments");
    long timeoutMillis = settings.getLong("timeout_ms");
    String provider = settings.getString("provider");
    Pool pool = DatabasePool.shared(vertx, config());
    PaymentGateway gateway =
        new HttpPaymentGateway(
            vertx, settings.getString("gateway_url"), settings.getString("api_key"), timeoutMillis);
    PaymentRepository payments = new PaymentRepository();
    OrderPayments orders = new OrderPayments(new OrderStatusMachine());
    PaymentSettlement settlement =
        new PaymentSettlement(pool, payments, orders, new OrderEventPublisher(vertx), gateway);
    ReconcilePayments reconciler =
        new ReconcilePayments(
            pool,
            payments,
            orders,
            settlement,
            gateway,
            Duration.ofMillis(timeoutMillis),
            Duration.ofMillis(timeoutMillis * LOST_AFTER_TIMEOUTS));
    reconcileTimer =
        vertx.setPeriodic(
            settings.getLong("reconcile_ms"),
            tick ->
                reconciler
                    .run()
                    .onFailure(failure -> LOG.warn("Reconciler failed: {}", failure.toString())));
    vertx
        .eventBus()
        .<Long>consumer(
            Topics.REFUNDS_DUE,
            message ->
                settlement
                    .refund(message.body(), Source.API)
                    .onFailure(
                        failure ->
                            LOG.warn(
                                "Refund of order {} left to the reconciler: {}",
                                message.body(),
                                failure.toString())));
    return new OperationDispatcher(vertx, ADDRESS)
        .on("payOrder", new PayOrder(pool, payments, orders, settlement, gateway, provider))
        .on("listOrderPayments", new ListOrderPayments(pool, payments, new OrderRepository(pool)))
        .on(
            "receivePaymentWebhook",
            new ReceiveWebhook(
                pool,
                payments,
                settlement,
                provider,
                new WebhookSignature(settings.getString("webhook_secret")),
                clock))
        .on(ReconcilePayments.ACTION, reconciler)
        .readiness(pool)
        .register();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(reconcileTimer);
    return Future.succeededFuture();
  }
}
