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
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.Base64;
import java.util.List;

/**
 * A seller adds an image to one of their products. The HTTP edge hands over the uploaded bytes;
 * here they are checked for what they really are, stored with a thumbnail, and listed last. The
 * product's detail changes with it, which every api node hears of once it is committed.
 *
 * <p>The slow part, decoding the image, making its thumbnail and storing both, happens before any
 * transaction opens ({@link #prepare}): a transaction left idle that long holds the key it claimed
 * and is ended by PostgreSQL's idle limit. The bytes are kept by content, so storing them twice
 * changes nothing. The image is then listed in a transaction, in which an {@code Idempotency-Key}
 * is claimed: a retry lists no second image.
 */
public final class UploadProductImage implements WriteOperation {

  /** Where {@link #prepare} leaves the decoded bytes and what the inspection found, in the body. */
  private static final String BYTES = "content_bytes";

  private static final String INSPECTED = "inspected";

  private final Vertx vertx;
  private final Pool pool;
  private final ChangeNotices notices;
  private final ProductImageRepository images;
  private final ImageStorage storage;
  private final ImageInspector inspector = new ImageInspector();

  /** A deletion can release shared bytes between our put and listing; then we put them again. */
  private static final int ATTEMPTS = 3;

  public UploadProductImage(
      Vertx vertx,
      Pool pool,
      ChangeNotices notices,
      ProductImageRepository images,
      ImageStorage storage) {
    this.vertx = vertx;
    this.pool = pool;
    this.notices = notices;
    this.images = images;
    this.storage = storage;
  }

  /**
   * Checks that the caller owns the product, then inspects and stores the image and its thumbnail,
   * all outside the transaction that lists it.
   */
  @Override
  public Future<BusRequest> prepare(BusRequest request) {
    long productId = request.pathId("product_id");
    long sellerId = request.callerId();
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
              byte[] bytes = Base64.getDecoder().decode(request.body().getString("content"));
              return vertx
                  .executeBlocking(() -> inspector.inspect(bytes), false)
                  .compose(inspected -> put(bytes, inspected).map(inspected))
                  .map(
                      inspected -> {
                        request.body().remove("content");
                        request.body().put(BYTES, bytes).put(INSPECTED, toJson(inspected));
                        return request;
                      });
            });
  }

  @Override
  public Future<Reply> handle(BusRequest request, UnitOfWork work) {
    long productId = request.pathId("product_id");
    long sellerId = request.callerId();
    byte[] bytes = request.body().getBinary(BYTES);
    ImageInspector.Inspected inspected = fromJson(request.body().getJsonObject(INSPECTED));
    return list(work.sql(), productId, sellerId, bytes, inspected, 1)
        .map(
            image -> {
              work.afterCommitAwaiting(() -> notices.productsChanged(List.of(productId)));
              return Reply.created(image.toJson());
            });
  }

  /** Stores the image and its thumbnail under their content's keys. */
  private Future<Void> put(byte[] bytes, ImageInspector.Inspected inspected) {
    return storage
        .put(original(inspected), Buffer.buffer(bytes))
        .compose(stored -> storage.put(thumbnail(inspected), Buffer.buffer(inspected.thumbnail())));
  }

  /**
   * Lists the image after the product's last one. A deletion that released the same bytes since
   * they were stored leaves the listing nothing to hold (the product's owner was checked first):
   * the bytes are stored anew and the listing tried again.
   */
  private Future<ProductImage> list(
      SqlClient tx,
      long productId,
      long sellerId,
      byte[] bytes,
      ImageInspector.Inspected inspected,
      int attempt) {
    return images
        .insert(
            tx,
            productId,
            sellerId,
            inspected,
            bytes.length,
            original(inspected),
            thumbnail(inspected))
        .compose(
            listed -> {
              if (listed.isPresent()) {
                return Future.succeededFuture(listed.get());
              }
              if (attempt < ATTEMPTS) {
                return put(bytes, inspected)
                    .compose(
                        stored -> list(tx, productId, sellerId, bytes, inspected, attempt + 1));
              }
              return Future.failedFuture(
                  new DomainException(
                      ErrorCode.UNAVAILABLE,
                      "The image could not be stored while others were removed; try again."));
            });
  }

  private static String original(ImageInspector.Inspected inspected) {
    return inspected.sha256() + ".original";
  }

  private static String thumbnail(ImageInspector.Inspected inspected) {
    return inspected.sha256() + ".thumbnail.jpg";
  }

  private static JsonObject toJson(ImageInspector.Inspected inspected) {
    return new JsonObject()
        .put("content_type", inspected.contentType())
        .put("width", inspected.width())
        .put("height", inspected.height())
        .put("sha256", inspected.sha256())
        .put("thumbnail", inspected.thumbnail());
  }

  private static ImageInspector.Inspected fromJson(JsonObject json) {
    return new ImageInspector.Inspected(
        json.getString("content_type"),
        json.getInteger("width"),
        json.getInteger("height"),
        json.getString("sha256"),
        json.getBinary("thumbnail"));
  }
}
