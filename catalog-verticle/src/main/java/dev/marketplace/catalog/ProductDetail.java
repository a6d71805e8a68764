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
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One product with its seller's name, its rating summary and its images: an active one for anyone,
 * or, for its seller, one of their own whatever its status.
 */
public final class ProductDetail implements OperationHandler {

  private final Pool pool;
  private final Function<BusRequest, Future<Optional<Product>>> lookup;
  private final ReviewRepository reviews;
  private final ProductImageRepository images;

  private ProductDetail(
      Pool pool,
      Function<BusRequest, Future<Optional<Product>>> lookup,
      ReviewRepository reviews,
      ProductImageRepository images) {
    this.pool = pool;
    this.lookup = lookup;
    this.reviews = reviews;
    this.images = images;
  }

  /** The detail buyers see: active products only. */
  public static ProductDetail forBuyers(
      Pool pool,
      ProductRepository products,
      ReviewRepository reviews,
      ProductImageRepository images) {
    return new ProductDetail(
        pool, request -> products.findActive(pool, request.pathId("product_id")), reviews, images);
  }

  /** The detail a seller sees of their own products, active or not; 403 for another's. */
  public static ProductDetail forOwner(
      Pool pool,
      SellerProductRepository products,
      ReviewRepository reviews,
      ProductImageRepository images) {
    return new ProductDetail(
        pool,
        request ->
            products
                .find(pool, request.pathId("product_id"))
                .map(
                    found -> {
                      if (found.isPresent() && found.get().sellerId() != request.callerId()) {
                        throw DomainException.forbidden(
                            "Product " + found.get().id() + " belongs to another seller.");
                      }
                      return found;
                    }),
        reviews,
        images);
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    long productId = request.pathId("product_id");
    return lookup
        .apply(request)
        .compose(
            found -> {
              Product product =
                  found.orElseThrow(
                      () -> DomainException.notFound("Product " + productId + " not found."));
              return Future.all(
                      reviews.histogram(pool, productId), images.ofProduct(pool, productId))
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
