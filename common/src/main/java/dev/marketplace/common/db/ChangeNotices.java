package dev.marketplace.common.db;

import dev.marketplace.common.bus.Invalidations;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Collection;

/**
 * Tells every api node that products changed, once the change has committed: their catalog read
 * caches drop what it made untrue ({@link Invalidations#PRODUCTS}), and where reads go to replicas,
 * the notice carries where the change committed, so that the change is read only from a replica
 * that has it. Completes once told; it never fails: a position the primary cannot give is sent as
 * {@link Invalidations#UNKNOWN_POSITION}, which sends readers to the primary for a while.
 */
public final class ChangeNotices {

  private final Vertx vertx;
  private final WritePositions positions;

  public ChangeNotices(Vertx vertx, WritePositions positions) {
    this.vertx = vertx;
    this.positions = positions;
  }

  /** These products changed. */
  public Future<Void> productsChanged(Collection<Long> productIds) {
    if (productIds.isEmpty()) {
      return Future.succeededFuture();
    }
    return position()
        .map(
            at -> {
              Invalidations.publishProducts(vertx, productIds, at);
              return null;
            });
  }

  /** Something changed that cannot be pinned to products: every node drops every product. */
  public Future<Void> everyProductChanged() {
    return position()
        .map(
            at -> {
              Invalidations.publishAll(vertx, Invalidations.PRODUCTS, at);
              return null;
            });
  }

  private Future<Long> position() {
    return positions.afterCommit().otherwise(Invalidations.UNKNOWN_POSITION);
  }
}
