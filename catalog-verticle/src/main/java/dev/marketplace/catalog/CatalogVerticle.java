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
import dev.marketplace.common.db.ChangeNotices;
import dev.marketplace.common.db.DatabasePool;
import dev.marketplace.common.db.DatabaseSettings;
import dev.marketplace.common.db.PoolSettings;
import dev.marketplace.common.db.ReadRouting;
import dev.marketplace.common.db.WritePositions;
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
    // Anonymous catalog reads may come from replicas; a seller's own views from the primary.
    ReadRouting reads = ReadRouting.of(vertx, pool, settings.database());
    WritePositions positions = WritePositions.of(vertx, settings.database());
    ChangeNotices notices = new ChangeNotices(vertx, positions);
    ProductRepository products = new ProductRepository();
    SellerProductRepository sellerProducts = new SellerProductRepository();
    ReviewRepository reviews = new ReviewRepository();
    ProductImageRepository images = new ProductImageRepository();
    ImageStorage storage = new PostgresImageStorage(pool);
    return new OperationDispatcher(vertx, ADDRESS)
        .idempotency(new IdempotencyKeys(pool, clock, RequestFingerprint.plain()))
        .on(ApiOperation.CREATE_PRODUCT, new CreateProduct(notices, products))
        .on(ApiOperation.UPDATE_PRODUCT, new UpdateProduct(notices, pool, products))
        .on(ApiOperation.BROWSE_PRODUCTS, new BrowseProducts(reads, products, false))
        .on(ApiOperation.SEARCH_PRODUCTS, new BrowseProducts(reads, products, true))
        .on(ApiOperation.LIST_CATEGORIES, new ListCategories(reads, products))
        .on(ApiOperation.PRODUCT_DETAIL, ProductDetail.forBuyers(reads, products, reviews, images))
        .on(
            ApiOperation.SELLER_PRODUCT_DETAIL,
            ProductDetail.forOwner(pool, sellerProducts, reviews, images))
        .on(ApiOperation.ADJUST_STOCK, new AdjustStock(notices, sellerProducts))
        .on(ApiOperation.UPSERT_PRODUCT_BY_SKU, new UpsertProductBySku(notices, sellerProducts))
        .on(ApiOperation.IMPORT_PRODUCTS_BY_SKU, new ImportProductsBySku(notices))
        .on(
            ApiOperation.UPLOAD_PRODUCT_IMAGE,
            new UploadProductImage(vertx, pool, notices, images, storage))
        .on(
            ApiOperation.DELETE_PRODUCT_IMAGE,
            new DeleteProductImage(notices, pool, images, storage))
        .on(ApiOperation.GET_IMAGE, new ImageContent(pool, images, storage, false))
        .on(ApiOperation.GET_IMAGE_THUMBNAIL, new ImageContent(pool, images, storage, true))
        .on(ApiOperation.WRITE_REVIEW, new WriteReview(notices, reviews))
        .on(ApiOperation.LIST_REVIEWS, new ListReviews(reads, products, reviews))
        .on(ApiOperation.LIST_SELLER_PRODUCTS, new ListSellerProducts(pool, sellerProducts))
        .readiness(pool)
        .positions(positions.tracked() ? positions::afterCommit : null)
        .register();
  }
}
