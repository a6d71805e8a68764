package dev.marketplace.order;

import dev.marketplace.common.bus.OperationDispatcher;
import dev.marketplace.common.db.DatabasePool;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders, stock reservation, the status machine, history and idempotency, served on the {@value
 * #ADDRESS} address. Also sweeps unpaid orders past their hold and expired idempotency keys.
 */
public final class OrderVerticle extends VerticleBase {

  public static final String ADDRESS = "orders";

  private static final Logger LOG = LoggerFactory.getLogger(OrderVerticle.class);

  private final Clock clock;
  private long sweepTimer;

  public OrderVerticle(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    Pool pool = DatabasePool.shared(vertx, config());
    OrderRepository orders = new OrderRepository(pool);
    OrderEventPublisher publisher = new OrderEventPublisher(vertx);
    OrderTransitions transitions =
        new OrderTransitions(orders, new OrderStatusMachine(), publisher);
    IdempotencyKeys idempotency = new IdempotencyKeys(pool, clock);
    ExpireUnpaidOrders expiry =
        new ExpireUnpaidOrders(
            orders,
            publisher,
            Duration.ofMinutes(config().getInteger("unpaid_order_hold_minutes")),
            clock);
    sweepTimer =
        vertx.setPeriodic(
            config().getLong("sweep_interval_ms"),
            tick ->
                expiry
                    .sweep()
                    .compose(expired -> idempotency.purgeExpired())
                    .onFailure(failure -> LOG.warn("Order sweep failed: {}", failure.toString())));
    return new OperationDispatcher(vertx, ADDRESS)
        .on("placeOrder", new PlaceOrder(orders, idempotency, publisher))
        .on("checkout", new Checkout(orders, idempotency, publisher))
        .on("listBuyerOrders", new ListOrders(orders, Actor.BUYER))
        .on("listSellerOrders", new ListOrders(orders, Actor.SELLER))
        .on("buyerOrderDetail", new OrderDetail(orders, Actor.BUYER))
        .on("sellerOrderDetail", new OrderDetail(orders, Actor.SELLER))
        .on("updateOrderStatus", new UpdateOrderStatus(transitions))
        .on("cancelOrder", new CancelOrder(transitions))
        .on("addShippingEvent", new AddShippingEvent(orders, transitions, publisher))
        .on(OrderEventsSince.ACTION, new OrderEventsSince(orders))
        .on(ExpireUnpaidOrders.ACTION, expiry)
        .readiness(pool)
        .register();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(sweepTimer);
    return Future.succeededFuture();
  }
}
