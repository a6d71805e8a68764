package dev.marketplace.catalog.image;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.error.DomainException;
import io.vertx.core.Future;

/** A seller removes an image of one of their products; the bytes go when nothing uses them. */
public final class DeleteProductImage implements OperationHandler {

  private final ProductImageRepository images;
  private final ImageStorage storage;

  public DeleteProductImage(ProductImageRepository images, ImageStorage storage) {
    this.images = images;
    this.storage = storage;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    long imageId = request.pathId("image_id");
    long productId = request.pathId("product_id");
    return images
        .delete(imageId, productId, request.callerId())
        .compose(
            deleted -> {
              ProductImage image =
                  deleted.orElseThrow(
                      () ->
                          DomainException.notFound(
                              "Image " + imageId + " of one of your products not found."));
              return storage
                  .release(image.storageKey())
                  .compose(released -> storage.release(image.thumbnailKey()));
            })
        .map(done -> Reply.noContent());
  }
}
