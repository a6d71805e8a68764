package dev.marketplace.catalog.image;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.db.ChangeNotices;
import dev.marketplace.common.error.DomainException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A seller adds an image to one of their products. The HTTP edge hands over the uploaded bytes;
 * here they are checked for what they really are, stored with a thumbnail, and listed last. The
 * product's detail changes with it, which every api node hears of.
 */
public final class UploadProductImage implements OperationHandler {

  private final Vertx vertx;
  private final ChangeNotices notices;
  private final Pool pool;
  private final ProductImageRepository images;
  private final ImageStorage storage;
  private final ImageInspector inspector = new ImageInspector();

  /** A deletion can release shared bytes between our put and insert; then we put them again. */
  private static final int ATTEMPTS = 3;

  private static final String FOREIGN_KEY_VIOLATION = "23503";

  public UploadProductImage(
      Vertx vertx,
      ChangeNotices notices,
      Pool pool,
      ProductImageRepository images,
      ImageStorage storage) {
    this.vertx = vertx;
    this.notices = notices;
    this.pool = pool;
    this.images = images;
    this.storage = storage;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    long productId = request.pathId("product_id");
    long sellerId = request.callerId();
    byte[] bytes = Base64.getDecoder().decode(request.body().getString("content"));
    return images
        .sellerOf(pool, productId)
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
        .compose(inspected -> store(productId, sellerId, bytes, inspected, 1))
        .compose(
            inserted -> {
              ProductImage image =
                  inserted.orElseThrow(
                      () ->
                          DomainException.forbidden(
                              "Product " + productId + " belongs to another seller."));
              return notices
                  .productsChanged(List.of(productId))
                  .map(told -> Reply.created(image.toJson()));
            });
  }

  /** Stores the bytes and the thumbnail, then lists the image after the product's last one. */
  private Future<Optional<ProductImage>> store(
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
                    pool, productId, sellerId, inspected, bytes.length, original, thumbnail))
        .recover(
            failure ->
                attempt < ATTEMPTS
                        && failure instanceof PgException pg
                        && FOREIGN_KEY_VIOLATION.equals(pg.getSqlState())
                    ? store(productId, sellerId, bytes, inspected, attempt + 1)
                    : Future.failedFuture(failure));
  }
}
