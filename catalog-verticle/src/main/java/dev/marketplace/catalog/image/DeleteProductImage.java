package dev.marketplace.catalog.image;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.db.ChangeNotices;
import dev.marketplace.common.error.DomainException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.List;

/**
 * A seller removes an image of one of their products; the bytes go when nothing uses them. Every
 * api node hears that the product's detail changed as soon as the image is no longer listed.
 */
public final class DeleteProductImage implements OperationHandler {

  private final ChangeNotices notices;
  private final Pool pool;
  private final ProductImageRepository images;
  private final ImageStorage storage;

  public DeleteProductImage(
      ChangeNotices notices, Pool pool, ProductImageRepository images, ImageStorage storage) {
    this.notices = notices;
    this.pool = pool;
    this.images = images;
    this.storage = storage;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    long imageId = request.pathId("image_id");
    long productId = request.pathId("product_id");
    return images
        .delete(pool, imageId, productId, request.callerId())
        .compose(
            deleted -> {
              ProductImage image =
                  deleted.orElseThrow(
                      () ->
                          DomainException.notFound(
                              "Image "
                                  + imageId
                                  + " is not an image of your product "
                                  + productId
                                  + "."));
              return notices
                  .productsChanged(List.of(productId))
                  .compose(told -> storage.release(image.storageKey()))
                  .compose(released -> storage.release(image.thumbnailKey()));
            })
        .map(done -> Reply.noContent());
  }
}
