package dev.marketplace.order;

import dev.marketplace.common.bus.OperationDispatcher;
import dev.marketplace.common.db.DatabasePool;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;

/** Orders, stock reservation and order status, served on the {@value #ADDRESS} address. */
public final class OrderVerticle extends VerticleBase {

  public static final String ADDRESS = "orders";

  @Override
  public Future<?> start() {
    Pool pool = DatabasePool.shared(vertx, config());
    OrderRepository orders = new OrderRepository(pool);
    return new OperationDispatcher(vertx, ADDRESS)
        .on("placeOrder", new PlaceOrder(orders))
        .on("listBuyerOrders", new ListBuyerOrders(orders))
        .on("listSellerOrders", new ListSellerOrders(orders))
        .on("updateOrderStatus", new UpdateOrderStatus(orders, new OrderStatusMachine()))
        .readiness(pool)
        .register();
  }
}
