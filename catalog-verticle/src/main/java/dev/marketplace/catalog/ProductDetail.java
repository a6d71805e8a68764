package dev.marketplace.catalog;

import dev.marketplace.catalog.image.ProductImage;
import dev.marketplace.catalog.image.ProductImageRepository;
import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.error.DomainException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** One active product with its seller's name, its rating summary and its images. */
public final class ProductDetail implements OperationHandler {

  private final ProductRepository products;
  private final ReviewRepository reviews;
  private final ProductImageRepository images;

  public ProductDetail(
      ProductRepository products, ReviewRepository reviews, ProductImageRepository images) {
    this.products = products;
    this.reviews = reviews;
    this.images = images;
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
              return Future.all(reviews.histogram(productId), images.ofProduct(productId))
                  .map(
                      loaded -> {
                        JsonArray pictures = new JsonArray();
                        loaded
                            .<List<ProductImage>>resultAt(1)
                            .forEach(image -> pictures.add(image.toJson()));
                        return Reply.ok(
                            product
                                .toJson()
                                .put(
                                    "rating",
                                    new JsonObject()
                                        .put("average", product.ratingAverage())
                                        .put("count", product.ratingCount())
                                        .put("histogram", loaded.<JsonObject>resultAt(0)))
                                .put("images", pictures));
                      });
            });
  }
}
