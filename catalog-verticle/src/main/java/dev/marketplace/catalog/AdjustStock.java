package dev.marketplace.catalog;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.bus.UnitOfWork;
import dev.marketplace.common.bus.WriteOperation;
import dev.marketplace.common.db.ChangeNotices;
import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.ErrorCode;
import io.vertx.core.Future;
import java.util.List;

/**
 * A seller adds stock to one of their products or removes some, relative to whatever it is at that
 * moment (orders may be taking stock at the same time): one conditional statement, never a read
 * then a write, and never below zero. Removing more than there is changes nothing (409). Every api
 * node hears of a change once it is committed. With an {@code Idempotency-Key}, a retry gets the
 * first answer and changes the stock no further.
 */
public final class AdjustStock implements WriteOperation {

  private final ChangeNotices notices;
  private final SellerProductRepository products;

  public AdjustStock(ChangeNotices notices, SellerProductRepository products) {
    this.notices = notices;
    this.products = products;
  }

  @Override
  public Future<Reply> handle(BusRequest request, UnitOfWork work) {
    long productId = request.pathId("product_id");
    long sellerId = request.callerId();
    int change = request.body().getInteger("change");
    return products
        .adjustStock(work.sql(), productId, sellerId, change)
        .compose(
            adjusted -> {
              if (adjusted.isPresent()) {
                work.afterCommitAwaiting(() -> notices.productsChanged(List.of(productId)));
                return Future.succeededFuture(Reply.ok(adjusted.get().toJson()));
              }
              return products
                  .stock(work.sql(), productId)
                  .map(stock -> explain(productId, sellerId, change, stock));
            });
  }

  @Override
  public boolean transactional() {
    return false;
  }

  private static Reply explain(
      long productId,
      long sellerId,
      int change,
      java.util.Optional<SellerProductRepository.Stock> stock) {
    if (stock.isEmpty()) {
      throw DomainException.notFound("Product " + productId + " not found.");
    }
    if (stock.get().sellerId() != sellerId) {
      throw DomainException.forbidden("Product " + productId + " belongs to another seller.");
    }
    if (change < 0) {
      throw new DomainException(
          ErrorCode.INSUFFICIENT_INVENTORY,
          "Product "
              + productId
              + " has "
              + stock.get().inventory()
              + " in stock; cannot remove "
              + -change
              + ".");
    }
    throw DomainException.invalidField(
        "change",
        "Product "
            + productId
            + " has "
            + stock.get().inventory()
            + " in stock; adding "
            + change
            + " would exceed 1000000000.");
  }
}
