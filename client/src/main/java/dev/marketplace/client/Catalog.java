package dev.marketplace.client;

import dev.marketplace.client.http.Call;
import dev.marketplace.client.http.Transport;
import dev.marketplace.client.model.CatalogQuery;
import dev.marketplace.client.model.Category;
import dev.marketplace.client.model.Page;
import dev.marketplace.client.model.Product;
import dev.marketplace.client.model.Review;
import java.util.List;
import java.util.Map;

/** What everyone may read: browse, search, categories, a product, its reviews; and reviewing. */
public final class Catalog {

  private final Transport transport;

  Catalog(Transport transport) {
    this.transport = transport;
  }

  /** A page of active products matching the query's filters, in its sort. */
  public Page<Product> browse(CatalogQuery query) {
    return transport
        .send(filtered(Call.get("/api/buyers/products"), query))
        .page("products", Product.class);
  }

  /**
   * A page of active products matching {@code text} (ranked, tolerant of typos and parts of words),
   * with the query's filters and sort.
   */
  public Page<Product> search(String text, CatalogQuery query) {
    return transport
        .send(filtered(Call.get("/api/buyers/products/search").query("q", text), query))
        .page("products", Product.class);
  }

  /** Categories of active products, by name, with how many each has. */
  public List<Category> categories() {
    return transport.send(Call.get("/api/categories")).list("categories", Category.class);
  }

  /** One active product with its rating summary (histogram included) and images. */
  public Product product(long productId) {
    return transport.send(Call.get("/api/buyers/products/" + productId), Product.class);
  }

  /** A page of a product's reviews, newest first; {@code cursor} null for the first page. */
  public Page<Review> reviews(long productId, String cursor, Integer limit) {
    return transport
        .send(
            Call.get("/api/buyers/products/" + productId + "/reviews")
                .query("cursor", cursor)
                .query("limit", limit))
        .page("reviews", Review.class);
  }

  /**
   * Rates a product the signed-in buyer has received (1 to 5 stars, comment optional); writing
   * again replaces the buyer's review.
   */
  public Review review(long productId, int stars, String comment) {
    Map<String, Object> body =
        comment == null ? Map.of("rating", stars) : Map.of("rating", stars, "comment", comment);
    return transport.send(
        Call.post("/api/buyers/products/" + productId + "/reviews").json(body).authenticated(),
        Review.class);
  }

  private static Call filtered(Call call, CatalogQuery query) {
    return call.query(
            "category", query.categories().isEmpty() ? null : String.join(",", query.categories()))
        .query("min_price", query.minPrice() == null ? null : query.minPrice().toPlainString())
        .query("max_price", query.maxPrice() == null ? null : query.maxPrice().toPlainString())
        .query("min_rating", query.minRating() == null ? null : query.minRating().toPlainString())
        .query("in_stock", query.inStockOnly() ? Boolean.TRUE : null)
        .query("seller_id", query.sellerId())
        .query("sort", query.sort() == null ? null : query.sort().wireName())
        .query("cursor", query.cursor())
        .query("limit", query.limit());
  }
}
