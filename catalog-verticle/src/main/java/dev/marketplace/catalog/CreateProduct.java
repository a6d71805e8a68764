package dev.marketplace.catalog;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.bus.UnitOfWork;
import dev.marketplace.common.bus.WriteOperation;
import dev.marketplace.common.db.ChangeNotices;
import dev.marketplace.common.error.DomainException;
import io.vertx.core.Future;
import java.util.List;

/**
 * A seller lists a new product; it may enter any list buyers browse, so every api node hears once
 * it is committed. One statement; with an {@code Idempotency-Key}, a retry makes no second product.
 */
public final class CreateProduct implements WriteOperation {

  private final ChangeNotices notices;
  private final ProductRepository products;

  public CreateProduct(ChangeNotices notices, ProductRepository products) {
    this.notices = notices;
    this.products = products;
  }

  @Override
  public Future<Reply> handle(BusRequest request, UnitOfWork work) {
    long sellerId = request.callerId();
    return products
        .insert(work.sql(), sellerId, ProductChanges.fromJson(request.body()))
        .map(
            created ->
                created
                    .map(
                        product -> {
                          work.afterCommitAwaiting(
                              () -> notices.productsChanged(List.of(product.id())));
                          return Reply.created(product.toJson());
                        })
                    .orElseThrow(
                        () -> DomainException.notFound("Seller " + sellerId + " not found.")));
  }

  @Override
  public boolean transactional() {
    return false;
  }
}
