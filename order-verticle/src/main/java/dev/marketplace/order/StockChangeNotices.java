package dev.marketplace.order;

import dev.marketplace.common.db.ChangeNotices;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every api node which products' stock an order change moved, once that change has committed,
 * so that their catalog read caches drop what it made untrue ({@link ChangeNotices}). Placing an
 * order and a checkout know the products they took; a cancellation reads its orders' lines
 * afterwards, since an order of several lines names no product of its own. Lines never change once
 * written, so that read after the commit names exactly the products whose stock came back.
 *
 * <p>Orders placed together ({@link PlacementBatches}) are answered in one turn of the verticle's
 * event loop, so their products go out as one notice at the end of that turn rather than one per
 * order: every api node then drops its lists once per batch, not once per order. Each order's
 * answer still waits until the notice naming its product has gone.
 */
public final class StockChangeNotices {

  private static final Logger LOG = LoggerFactory.getLogger(StockChangeNotices.class);

  private final ChangeNotices notices;
  private final Pool pool;
  private final OrderReadRepository orders;
  private final Context context;
  private final Thread eventLoop;
  // The products named since this turn of the event loop began, and the notice they all wait on;
  // null when none wait. Touched only on the event loop.
  private Set<Long> gathered;
  private Promise<Void> told;

  /** Made in a verticle's start: gathers on that verticle's event loop. */
  public StockChangeNotices(
      Vertx vertx, ChangeNotices notices, Pool pool, OrderReadRepository orders) {
    this.notices = notices;
    this.pool = pool;
    this.orders = orders;
    this.context = vertx.getOrCreateContext();
    this.eventLoop = Thread.currentThread();
  }

  /** Stock of these products was taken by a committed order or checkout; completes once told. */
  public Future<Void> taken(Collection<Long> productIds) {
    if (Thread.currentThread() != eventLoop) {
      return notices.productsChanged(productIds);
    }
    if (gathered == null) {
      Set<Long> products = new LinkedHashSet<>();
      Promise<Void> notice = Promise.promise();
      gathered = products;
      told = notice;
      context.runOnContext(
          endOfTurn -> {
            gathered = null;
            told = null;
            notices.productsChanged(products).onComplete(notice);
          });
    }
    gathered.addAll(productIds);
    return told.future();
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
