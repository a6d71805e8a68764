package dev.marketplace.catalog;

import dev.marketplace.catalog.image.DeleteProductImage;
import dev.marketplace.catalog.image.ImageContent;
import dev.marketplace.catalog.image.ImageStorage;
import dev.marketplace.catalog.image.PostgresImageStorage;
import dev.marketplace.catalog.image.ProductImageRepository;
import dev.marketplace.catalog.image.UploadProductImage;
import dev.marketplace.common.bus.ApiOperation;
import dev.marketplace.common.bus.BusAddress;
import dev.marketplace.common.bus.OperationDispatcher;
import dev.marketplace.common.config.MarketplaceConfig;
import dev.marketplace.common.db.DatabasePool;
import dev.marketplace.common.db.DatabaseSettings;
import dev.marketplace.common.db.PoolSettings;
import dev.marketplace.common.idempotency.IdempotencyKeys;
import dev.marketplace.common.idempotency.RequestFingerprint;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import java.time.Clock;

/** Products, categories, search, reviews and images, served on {@link BusAddress#CATALOG}. */
public final class CatalogVerticle extends VerticleBase {

  /** Where it serves the contract's operations. */
  public static final BusAddress ADDRESS = BusAddress.CATALOG;

  /**
   * What the catalog verticle is told.
   *
   * @param database the database and the size of the shared pool
   */
  public record Settings(PoolSettings database) {

    public static Settings from(MarketplaceConfig config, DatabaseSettings database) {
      return new Settings(PoolSettings.from(config, database));
    }
  }

  private final Settings settings;
  private final Clock clock;

  public CatalogVerticle(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    Pool pool = DatabasePool.shared(vertx, settings.database());
    ProductRepository products = new ProductRepository();
    SellerProductRepository sellerProducts = new SellerProductRepository();
    ReviewRepository reviews = new ReviewRepository();
    ProductImageRepository images = new ProductImageRepository();
    ImageStorage storage = new PostgresImageStorage(pool);
    return new OperationDispatcher(vertx, ADDRESS)
        .idempotency(new IdempotencyKeys(pool, clock, RequestFingerprint.plain()))
        .on(ApiOperation.CREATE_PRODUCT, new CreateProduct(vertx, products))
        .on(ApiOperation.UPDATE_PRODUCT, new UpdateProduct(vertx, pool, products))
        .on(ApiOperation.BROWSE_PRODUCTS, new BrowseProducts(pool, products, false))
        .on(ApiOperation.SEARCH_PRODUCTS, new BrowseProducts(pool, products, true))
        .on(ApiOperation.LIST_CATEGORIES, new ListCategories(pool, products))
        .on(ApiOperation.PRODUCT_DETAIL, ProductDetail.forBuyers(pool, products, reviews, images))
        .on(
            ApiOperation.SELLER_PRODUCT_DETAIL,
            ProductDetail.forOwner(pool, sellerProducts, reviews, images))
        .on(ApiOperation.ADJUST_STOCK, new AdjustStock(vertx, sellerProducts))
        .on(ApiOperation.UPSERT_PRODUCT_BY_SKU, new UpsertProductBySku(vertx, pool, sellerProducts))
        .on(ApiOperation.UPLOAD_PRODUCT_IMAGE, new UploadProductImage(vertx, images, storage))
        .on(ApiOperation.DELETE_PRODUCT_IMAGE, new DeleteProductImage(vertx, pool, images, storage))
        .on(ApiOperation.GET_IMAGE, new ImageContent(pool, images, storage, false))
        .on(ApiOperation.GET_IMAGE_THUMBNAIL, new ImageContent(pool, images, storage, true))
        .on(ApiOperation.WRITE_REVIEW, new WriteReview(vertx, reviews))
        .on(ApiOperation.LIST_REVIEWS, new ListReviews(pool, products, reviews))
        .on(ApiOperation.LIST_SELLER_PRODUCTS, new ListSellerProducts(pool, sellerProducts))
        .readiness(pool)
        .register();
  }
}
