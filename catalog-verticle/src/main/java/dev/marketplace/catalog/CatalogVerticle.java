package dev.marketplace.catalog;

import dev.marketplace.catalog.image.DeleteProductImage;
import dev.marketplace.catalog.image.FileSystemImageStorage;
import dev.marketplace.catalog.image.ImageContent;
import dev.marketplace.catalog.image.ImageStorage;
import dev.marketplace.catalog.image.ProductImageRepository;
import dev.marketplace.catalog.image.UploadProductImage;
import dev.marketplace.common.bus.OperationDispatcher;
import dev.marketplace.common.db.DatabasePool;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;

/** Products, categories, search, reviews and images, served on the {@value #ADDRESS} address. */
public final class CatalogVerticle extends VerticleBase {

  public static final String ADDRESS = "catalog";

  @Override
  public Future<?> start() {
    Pool pool = DatabasePool.shared(vertx, config());
    ProductRepository products = new ProductRepository(pool);
    SellerProductRepository sellerProducts = new SellerProductRepository(pool);
    ReviewRepository reviews = new ReviewRepository(pool);
    ProductImageRepository images = new ProductImageRepository(pool);
    ImageStorage storage =
        new FileSystemImageStorage(vertx, Path.of(config().getString("image_directory")));
    return new OperationDispatcher(vertx, ADDRESS)
        .on("createProduct", new CreateProduct(products))
        .on("updateProduct", new UpdateProduct(products))
        .on("browseProducts", new BrowseProducts(products, false))
        .on("searchProducts", new BrowseProducts(products, true))
        .on("listCategories", new ListCategories(products))
        .on("productDetail", ProductDetail.forBuyers(products, reviews, images))
        .on("sellerProductDetail", ProductDetail.forOwner(sellerProducts, reviews, images))
        .on("adjustStock", new AdjustStock(sellerProducts))
        .on("upsertProductBySku", new UpsertProductBySku(sellerProducts))
        .on("uploadProductImage", new UploadProductImage(vertx, products, images, storage))
        .on("deleteProductImage", new DeleteProductImage(images, storage))
        .on(ImageContent.ACTION, new ImageContent(images, storage))
        .on("writeReview", new WriteReview(reviews))
        .on("listReviews", new ListReviews(products, reviews))
        .on("listSellerProducts", new ListSellerProducts(sellerProducts))
        .readiness(pool)
        .register();
  }
}
