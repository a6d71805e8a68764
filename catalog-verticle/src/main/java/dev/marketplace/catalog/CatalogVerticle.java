package dev.marketplace.catalog;

import dev.marketplace.common.bus.OperationDispatcher;
import dev.marketplace.common.db.DatabasePool;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;

/** Products, categories, search and reviews, served on the {@value #ADDRESS} address. */
public final class CatalogVerticle extends VerticleBase {

  public static final String ADDRESS = "catalog";

  @Override
  public Future<?> start() {
    Pool pool = DatabasePool.shared(vertx, config());
    ProductRepository products = new ProductRepository(pool);
    ReviewRepository reviews = new ReviewRepository(pool);
    return new OperationDispatcher(vertx, ADDRESS)
        .on("createProduct", new CreateProduct(products))
        .on("updateProduct", new UpdateProduct(products))
        .on("browseProducts", new BrowseProducts(products, false))
        .on("searchProducts", new BrowseProducts(products, true))
        .on("listCategories", new ListCategories(products))
        .on("productDetail", new ProductDetail(products, reviews))
        .on("writeReview", new WriteReview(reviews))
        .on("listReviews", new ListReviews(products, reviews))
        .on("listSellerProducts", new ListSellerProducts(products))
        .readiness(pool)
        .register();
  }
}
