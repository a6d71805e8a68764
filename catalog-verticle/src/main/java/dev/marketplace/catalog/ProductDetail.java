package dev.marketplace.catalog;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.error.DomainException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** One active product with its seller's name and its rating summary. */
public final class ProductDetail implements OperationHandler {

  private final ProductRepository products;
  private final ReviewRepository reviews;

  public ProductDetail(ProductRepository products, ReviewRepository reviews) {
    this.products = products;
    this.reviews = reviews;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    long productId = request.pathId("product_id");
    return products
        .findActive(productId)
        .compose(
            found -> {
              Product product =
                  found.orElseThrow(
                      () -> DomainException.notFound("Product " + productId + " not found."));
              return reviews
                  .histogram(productId)
                  .map(
                      histogram ->
                          Reply.ok(
                              product
                                  .toJson()
                                  .put(
                                      "rating",
                                      new JsonObject()
                                          .put("average", product.ratingAverage())
                                          .put("count", product.ratingCount())
                                          .put("histogram", histogram))
                                  .put("images", new JsonArray())));
            });
  }
}
