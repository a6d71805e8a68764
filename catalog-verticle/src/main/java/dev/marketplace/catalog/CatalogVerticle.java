package dev.marketplace.catalog;

import dev.marketplace.catalog.image.DeleteProductImage;
import dev.marketplace.catalog.image.ImageContent;
import dev.marketplace.catalog.image.ImageStorage;
import dev.marketplace.catalog.image.PostgresImageStorage;
import dev.marketplace.catalog.image.ProductImageRepository;
import dev.marketplace.catalog.image.UploadProductImage;
import dev.marketplace.common.bus.Addresses;
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

/** Products, categories, search, reviews and images, served on {@link Addresses#CATALOG}. */
public final class CatalogVerticle extends VerticleBase {

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
    ProductRepository products = new ProductRepository(pool);
    SellerProductRepository sellerProducts = new SellerProductRepository(pool);
    ReviewRepository reviews = new ReviewRepository(pool);
    ProductImageRepository images = new ProductImageRepository(pool);
    ImageStorage storage = new PostgresImageStorage(pool);
    return new OperationDispatcher(vertx, Addresses.CATALOG)
        .idempotency(new IdempotencyKeys(pool, clock, RequestFingerprint.plain()))
        .on("createProduct", new CreateProduct(vertx, products))
        .on("updateProduct", new UpdateProduct(vertx, products))
        .on("browseProducts", new BrowseProducts(products, false))
        .on("searchProducts", new BrowseProducts(products, true))
        .on("listCategories", new ListCategories(products))
        .on("productDetail", ProductDetail.forBuyers(products, reviews, images))
        .on("sellerProductDetail", ProductDetail.forOwner(sellerProducts, reviews, images))
        .on("adjustStock", new AdjustStock(vertx, sellerProducts))
        .on("upsertProductBySku", new UpsertProductBySku(vertx, sellerProducts))
        .on("uploadProductImage", new UploadProductImage(vertx, products, images, storage))
        .on("deleteProductImage", new DeleteProductImage(vertx, images, storage))
        .on("getImage", new ImageContent(images, storage, false))
        .on("getImageThumbnail", new ImageContent(images, storage, true))
        .on("writeReview", new WriteReview(vertx, reviews))
        .on("listReviews", new ListReviews(products, reviews))
        .on("listSellerProducts", new ListSellerProducts(sellerProducts))
        .readiness(pool)
        .register();
  }
}
