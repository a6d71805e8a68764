package dev.marketplace.catalog.image;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.error.DomainException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.Base64;

/**
 * The bytes of an image or of its thumbnail, with their media type and ETag, for the HTTP edge to
 * serve ({@code GET /api/images/...}): the edge writes the bytes as the response body itself.
 */
public final class ImageContent implements OperationHandler {

  private final Pool pool;
  private final ProductImageRepository images;
  private final ImageStorage storage;
  private final boolean thumbnail;

  public ImageContent(
      Pool pool, ProductImageRepository images, ImageStorage storage, boolean thumbnail) {
    this.pool = pool;
    this.images = images;
    this.storage = storage;
    this.thumbnail = thumbnail;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    long imageId = request.pathId("image_id");
    return images
        .find(pool, imageId)
        .compose(
            found -> {
              ProductImage image =
                  found.orElseThrow(
                      () -> DomainException.notFound("Image " + imageId + " not found."));
              String etag = "\"" + image.sha256() + (thumbnail ? "-t" : "") + "\"";
              String contentType = thumbnail ? "image/jpeg" : image.contentType();
              return storage
                  .get(thumbnail ? image.thumbnailKey() : image.storageKey())
                  .map(
                      stored ->
                          Reply.ok(
                              new JsonObject()
                                  .put("content_type", contentType)
                                  .put("etag", etag)
                                  .put(
                                      "content",
                                      Base64.getEncoder()
                                          .encodeToString(
                                              stored
                                                  .orElseThrow(() -> gone(imageId))
                                                  .getBytes()))));
            });
  }

  /**
   * An image of an earlier version whose file was not there to import when the catalog moved its
   * images into the database.
   */
  private static DomainException gone(long imageId) {
    return DomainException.notFound("Image " + imageId + " is no longer available.");
  }
}
