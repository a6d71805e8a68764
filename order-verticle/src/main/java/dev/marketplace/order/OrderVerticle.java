package dev.marketplace.order;

import dev.marketplace.common.bus.ApiOperation;
import dev.marketplace.common.bus.BusAddress;
import dev.marketplace.common.bus.InternalAction;
import dev.marketplace.common.bus.OperationDispatcher;
import dev.marketplace.common.config.MarketplaceConfig;
import dev.marketplace.common.db.ChangeNotices;
import dev.marketplace.common.db.DatabasePool;
import dev.marketplace.common.db.DatabaseSettings;
import dev.marketplace.common.db.PoolSettings;
import dev.marketplace.common.db.ReadRouting;
import dev.marketplace.common.db.WritePositions;
import dev.marketplace.common.idempotency.IdempotencyKeys;
import dev.marketplace.common.idempotency.RequestFingerprint;
import dev.marketplace.common.metrics.Meters;
import dev.marketplace.order.analytics.SalesReportRepository;
import dev.marketplace.order.analytics.SellerAnalytics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders, stock reservation, the status machine, history and seller analytics, served on {@link
 * BusAddress#ORDERS}. Also sweeps unpaid orders past their hold and the expired idempotency keys of
 * every verticle (they share one table).
 */
public final class OrderVerticle extends VerticleBase {

  /** Where it serves the contract's operations. */
  public static final BusAddress ADDRESS = BusAddress.ORDERS;

  /**
   * What the order verticle is told.
   *
   * @param database the database and the size of the shared pool
   * @param unpaidOrderHold how long an unpaid order holds its stock before it cancels itself
   * @param sweepInterval how often overdue orders and expired idempotency keys are swept
   * @param placementLanes order placements each verticle instance runs at once
   * @param batchMax most orders placed in one transaction when orders queue
   */
  public record Settings(
      PoolSettings database,
      Duration unpaidOrderHold,
      Duration sweepInterval,
      int placementLanes,
      int batchMax) {

    public static Settings from(MarketplaceConfig config, DatabaseSettings database) {
      return new Settings(
          PoolSettings.from(config, database),
          Duration.ofMinutes(config.unpaidOrderHoldMinutes()),
          Duration.ofSeconds(config.orderSweepSeconds()),
          config.orderLanes(),
          config.orderBatchMax());
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(OrderVerticle.class);

  private final Settings settings;
  private final Clock clock;
  private long sweepTimer;

  public OrderVerticle(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    Pool pool = DatabasePool.shared(vertx, settings.database());
    OrderRepository orders = new OrderRepository();
    OrderReadRepository reads = new OrderReadRepository();
    OrderHistoryRepository history = new OrderHistoryRepository();
    StockRepository stock = new StockRepository();
    OrderEventPublisher publisher = new OrderEventPublisher(vertx);
    WritePositions positions = WritePositions.of(vertx, settings.database());
    StockChangeNotices stockChanges =
        new StockChangeNotices(vertx, new ChangeNotices(vertx, positions), pool, reads);
    OrderTransitions transitions =
        new OrderTransitions(orders, new OrderStatusMachine(), publisher, stockChanges);
    IdempotencyKeys idempotency = new IdempotencyKeys(pool, clock, RequestFingerprint.plain());
    OrderMeters meters = OrderMeters.of(Meters.registry());
    ExpireUnpaidOrders expiry =
        new ExpireUnpaidOrders(
            pool, orders, publisher, stockChanges, settings.unpaidOrderHold(), clock, meters);
    sweepTimer =
        vertx.setPeriodic(
            settings.sweepInterval().toMillis(),
            tick ->
                expiry
                    .sweep()
                    .compose(expired -> idempotency.purgeExpired())
                    .onFailure(failure -> LOG.warn("Order sweep failed: {}", failure.toString())));
    return new OperationDispatcher(vertx, ADDRESS)
        .idempotency(idempotency)
        .on(
            ApiOperation.PLACE_ORDER,
            new PlaceOrder(
                orders,
                new PlacementBatches(
                    vertx, pool, orders, settings.placementLanes(), settings.batchMax()),
                stock,
                publisher,
                stockChanges,
                meters))
        .on(
            ApiOperation.CHECKOUT,
            new Checkout(
                new CheckoutRepository(), stock, reads, history, publisher, stockChanges, meters))
        .on(ApiOperation.LIST_BUYER_ORDERS, new ListOrders(pool, reads, Actor.BUYER))
        .on(ApiOperation.LIST_SELLER_ORDERS, new ListOrders(pool, reads, Actor.SELLER))
        .on(ApiOperation.BUYER_ORDER_DETAIL, new OrderDetail(pool, reads, history, Actor.BUYER))
        .on(ApiOperation.SELLER_ORDER_DETAIL, new OrderDetail(pool, reads, history, Actor.SELLER))
        .on(ApiOperation.UPDATE_ORDER_STATUS, new UpdateOrderStatus(transitions))
        .on(ApiOperation.CANCEL_ORDER, new CancelOrder(transitions))
        .on(ApiOperation.ADD_SHIPPING_EVENT, new AddShippingEvent(orders, transitions, publisher))
        .on(
            ApiOperation.SELLER_ANALYTICS,
            new SellerAnalytics(
                ReadRouting.of(vertx, pool, settings.database()),
                new SalesReportRepository(),
                clock))
        .on(InternalAction.ORDER_EVENTS_SINCE, new OrderEventsSince(pool, history))
        .on(InternalAction.ORDER_EVENT_POSITION, new OrderEventPosition(pool, history))
        .on(InternalAction.EXPIRE_UNPAID_ORDERS, expiry)
        .readiness(pool)
        .positions(positions.tracked() ? positions::afterCommit : null)
        .register();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(sweepTimer);
    return Future.succeededFuture();
  }
}
