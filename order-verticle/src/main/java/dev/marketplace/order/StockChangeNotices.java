package dev.marketplace.order;

import dev.marketplace.common.db.ChangeNotices;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every api node which products' stock an order change moved, once that change has committed,
 * so that their catalog read caches drop what it made untrue ({@link ChangeNotices}). Placing an
 * order and a checkout know the products they took; a cancellation reads its orders' lines
 * afterwards, since an order of several lines names no product of its own. Lines never change once
 * written, so that read after the commit names exactly the products whose stock came back.
 */
public final class StockChangeNotices {

  private static final Logger LOG = LoggerFactory.getLogger(StockChangeNotices.class);

  private final ChangeNotices notices;
  private final Pool pool;
  private final OrderReadRepository orders;

  public StockChangeNotices(ChangeNotices notices, Pool pool, OrderReadRepository orders) {
    this.notices = notices;
    this.pool = pool;
    this.orders = orders;
  }

  /** Stock of these products was taken by a committed order or checkout; completes once told. */
  public Future<Void> taken(Collection<Long> productIds) {
    return notices.productsChanged(productIds);
  }

  /**
   * Stock of the lines of these committed cancellations came back. Completes once every api node
   * has been told, successfully even when the lines could not be read: then every api node is told
   * to drop every product, which is always true.
   */
  public Future<Void> returnedBy(List<Long> cancelledOrderIds) {
    if (cancelledOrderIds.isEmpty()) {
      return Future.succeededFuture();
    }
    return orders
        .productsOf(pool, cancelledOrderIds)
        .transform(
            read -> {
              if (read.succeeded()) {
                return notices.productsChanged(read.result());
              } else {
                LOG.warn(
                    "Could not read the lines of cancelled orders {}; every api node drops every"
                        + " product it caches: {}",
                    cancelledOrderIds,
                    read.cause().toString());
                return notices.everyProductChanged();
              }
            });
  }
}
