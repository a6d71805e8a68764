package dev.marketplace.catalog;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.db.ChangeNotices;
import dev.marketplace.common.error.DomainException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.List;

/** A seller lists a new product; it may enter any list buyers browse, so every api node hears. */
public final class CreateProduct implements OperationHandler {

  private final ChangeNotices notices;
  private final Pool pool;
  private final ProductRepository products;

  public CreateProduct(ChangeNotices notices, Pool pool, ProductRepository products) {
    this.notices = notices;
    this.pool = pool;
    this.products = products;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    long sellerId = request.callerId();
    return products
        .insert(pool, sellerId, ProductChanges.fromJson(request.body()))
        .compose(
            created -> {
              Product product =
                  created.orElseThrow(
                      () -> DomainException.notFound("Seller " + sellerId + " not found."));
              return notices
                  .productsChanged(List.of(product.id()))
                  .map(told -> Reply.created(product.toJson()));
            });
  }
}
