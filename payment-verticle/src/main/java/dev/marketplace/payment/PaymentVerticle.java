package dev.marketplace.payment;

import dev.marketplace.common.bus.ApiOperation;
import dev.marketplace.common.bus.BusAddress;
import dev.marketplace.common.bus.InternalAction;
import dev.marketplace.common.bus.OperationDispatcher;
import dev.marketplace.common.bus.Topics;
import dev.marketplace.common.config.MarketplaceConfig;
import dev.marketplace.common.db.DatabasePool;
import dev.marketplace.common.db.DatabaseSettings;
import dev.marketplace.common.db.PoolSettings;
import dev.marketplace.common.metrics.Meters;
import dev.marketplace.order.payments.OrderPayments;
import dev.marketplace.payment.PaymentRepository.Source;
import dev.marketplace.payment.gateway.HttpPaymentGateway;
import dev.marketplace.payment.gateway.PaymentGateway;
import dev.marketplace.payment.gateway.WebhookSignature;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Payments of orders through the configured gateway, gateway webhooks, refunds of cancelled orders
 * and the reconciler, served on {@link BusAddress#PAYMENTS}.
 */
public final class PaymentVerticle extends VerticleBase {

  /** Where it serves the contract's operations. */
  public static final BusAddress ADDRESS = BusAddress.PAYMENTS;

  /**
   * What the payment verticle is told, once the gateway's URL and secrets are settled (the sandbox
   * gateway's are known only when it has started).
   *
   * @param database the database and the size of the shared pool
   * @param provider the gateway's name in the webhook path
   * @param gatewayUrl the gateway's base URL
   * @param apiKey the key the gateway expects as bearer token
   * @param webhookSecret the secret the gateway signs its webhooks with
   * @param gatewayTimeout how long one gateway call may take before its outcome counts as unknown
   * @param reconcileInterval how often unsettled payments and due refunds are swept
   */
  public record Settings(
      PoolSettings database,
      String provider,
      String gatewayUrl,
      String apiKey,
      String webhookSecret,
      Duration gatewayTimeout,
      Duration reconcileInterval) {

    public static Settings from(
        MarketplaceConfig config,
        DatabaseSettings database,
        String gatewayUrl,
        String apiKey,
        String webhookSecret) {
      return new Settings(
          PoolSettings.from(config, database),
          config.payments().provider(),
          gatewayUrl,
          apiKey,
          webhookSecret,
          Duration.ofMillis(config.payments().timeoutMillis()),
          Duration.ofSeconds(config.payments().reconcileSeconds()));
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(PaymentVerticle.class);

  /** A gateway call that got no answer for this many timeouts can no longer be under way. */
  private static final int LOST_AFTER_TIMEOUTS = 10;

  private final Settings settings;
  private final Clock clock;
  private long reconcileTimer;

  public PaymentVerticle(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    Duration timeout = settings.gatewayTimeout();
    Pool pool = DatabasePool.shared(vertx, settings.database());
    PaymentGateway gateway =
        new HttpPaymentGateway(vertx, settings.gatewayUrl(), settings.apiKey(), timeout.toMillis());
    PaymentRepository payments = new PaymentRepository();
    OrderPayments orders = new OrderPayments(vertx);
    PaymentMeters meters = PaymentMeters.of(Meters.registry());
    PaymentSettlement settlement = new PaymentSettlement(pool, payments, orders, gateway, meters);
    ReconcilePayments reconciler =
        new ReconcilePayments(
            pool,
            payments,
            orders,
            settlement,
            gateway,
            timeout,
            timeout.multipliedBy(LOST_AFTER_TIMEOUTS),
            meters);
    reconcileTimer =
        vertx.setPeriodic(
            settings.reconcileInterval().toMillis(),
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
    String provider = settings.provider();
    return new OperationDispatcher(vertx, ADDRESS)
        .onWithOwnKeys(
            ApiOperation.PAY_ORDER,
            new PayOrder(pool, payments, orders, settlement, gateway, provider))
        .on(ApiOperation.LIST_ORDER_PAYMENTS, new ListOrderPayments(pool, payments, orders))
        .on(
            ApiOperation.RECEIVE_PAYMENT_WEBHOOK,
            new ReceiveWebhook(
                pool,
                payments,
                settlement,
                provider,
                new WebhookSignature(settings.webhookSecret()),
                clock))
        .on(InternalAction.RECONCILE_PAYMENTS, reconciler)
        .readiness(pool)
        .register();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(reconcileTimer);
    return Future.succeededFuture();
  }
}
