package dev.marketplace.catalog.image;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.bus.UnitOfWork;
import dev.marketplace.common.bus.WriteOperation;
import dev.marketplace.common.db.ChangeNotices;
import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.SqlClient;
import java.util.Base64;
import java.util.List;

/**
 * A seller adds an image to one of their products. The HTTP edge hands over the uploaded bytes;
 * here they are checked for what they really are, stored with a thumbnail, and listed last. The
 * product's detail changes with it, which every api node hears of once it is committed.
 *
 * <p>The image is listed in a transaction, in which an {@code Idempotency-Key} is claimed: a retry
 * lists no second image. The bytes go to the {@link ImageStorage} first, outside it: they are kept
 * by content, so storing them twice changes nothing.
 */
public final class UploadProductImage implements WriteOperation {

  private final Vertx vertx;
  private final ChangeNotices notices;
  private final ProductImageRepository images;
  private final ImageStorage storage;
  private final ImageInspector inspector = new ImageInspector();

  /** A deletion can release shared bytes between our put and listing; then we put them again. */
  private static final int ATTEMPTS = 3;

  public UploadProductImage(
      Vertx vertx, ChangeNotices notices, ProductImageRepository images, ImageStorage storage) {
    this.vertx = vertx;
    this.notices = notices;
    this.images = images;
    this.storage = storage;
  }

  @Override
  public Future<Reply> handle(BusRequest request, UnitOfWork work) {
    long productId = request.pathId("product_id");
    long sellerId = request.callerId();
    byte[] bytes = Base64.getDecoder().decode(request.body().getString("content"));
    return images
        .sellerOf(work.sql(), productId)
        .compose(
            owner -> {
              if (owner.isEmpty()) {
                throw DomainException.notFound("Product " + productId + " not found.");
              }
              if (owner.get() != sellerId) {
                throw DomainException.forbidden(
                    "Product " + productId + " belongs to another seller.");
              }
              return vertx.executeBlocking(() -> inspector.inspect(bytes), false);
            })
        .compose(inspected -> store(work.sql(), productId, sellerId, bytes, inspected, 1))
        .map(
            image -> {
              work.afterCommitAwaiting(() -> notices.productsChanged(List.of(productId)));
              return Reply.created(image.toJson());
            });
  }

  /**
   * Stores the bytes and the thumbnail, then lists the image after the product's last one. A
   * deletion that released the same bytes in between leaves the listing nothing to hold (the
   * product's owner was checked first): the bytes are stored anew and the listing tried again.
   */
  private Future<ProductImage> store(
      SqlClient tx,
      long productId,
      long sellerId,
      byte[] bytes,
      ImageInspector.Inspected inspected,
      int attempt) {
    String original = inspected.sha256() + ".original";
    String thumbnail = inspected.sha256() + ".thumbnail.jpg";
    return storage
        .put(original, Buffer.buffer(bytes))
        .compose(stored -> storage.put(thumbnail, Buffer.buffer(inspected.thumbnail())))
        .compose(
            stored ->
                images.insert(
                    tx, productId, sellerId, inspected, bytes.length, original, thumbnail))
        .compose(
            listed -> {
              if (listed.isPresent()) {
                return Future.succeededFuture(listed.get());
              }
              if (attempt < ATTEMPTS) {
                return store(tx, productId, sellerId, bytes, inspected, attempt + 1);
              }
              return Future.failedFuture(
                  new DomainException(
                      ErrorCode.UNAVAILABLE,
                      "The image could not be stored while others were removed; try again."));
            });
  }
}
