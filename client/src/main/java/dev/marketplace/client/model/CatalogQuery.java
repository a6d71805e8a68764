package dev.marketplace.client.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * What to browse or search for: filters (null or empty: any), a sort (null: the server's default,
 * newest for browsing and relevance for searches), the cursor of the page to continue after, and
 * the page size. Build it from {@link #all()} with the {@code with...} methods.
 */
public record CatalogQuery(
    List<String> categories,
    BigDecimal minPrice,
    BigDecimal maxPrice,
    BigDecimal minRating,
    boolean inStockOnly,
    Long sellerId,
    ProductSort sort,
    String cursor,
    Integer limit) {

  public CatalogQuery {
    categories = categories == null ? List.of() : List.copyOf(categories);
  }

  /** Every active product, in the default order. */
  public static CatalogQuery all() {
    return new CatalogQuery(List.of(), null, null, null, false, null, null, null, null);
  }

  public CatalogQuery withCategories(List<String> value) {
    return new CatalogQuery(
        value, minPrice, maxPrice, minRating, inStockOnly, sellerId, sort, cursor, limit);
  }

  /** Prices from {@code min} to {@code max}, either of them null for no bound. */
  public CatalogQuery withPrices(BigDecimal min, BigDecimal max) {
    return new CatalogQuery(
        categories, min, max, minRating, inStockOnly, sellerId, sort, cursor, limit);
  }

  public CatalogQuery withMinRating(BigDecimal value) {
    return new CatalogQuery(
        categories, minPrice, maxPrice, value, inStockOnly, sellerId, sort, cursor, limit);
  }

  public CatalogQuery withInStockOnly(boolean value) {
    return new CatalogQuery(
        categories, minPrice, maxPrice, minRating, value, sellerId, sort, cursor, limit);
  }

  public CatalogQuery withSeller(Long value) {
    return new CatalogQuery(
        categories, minPrice, maxPrice, minRating, inStockOnly, value, sort, cursor, limit);
  }

  public CatalogQuery withSort(ProductSort value) {
    return new CatalogQuery(
        categories, minPrice, maxPrice, minRating, inStockOnly, sellerId, value, cursor, limit);
  }

  /** The page after the one whose {@code next_cursor} this is (same filters and sort). */
  public CatalogQuery withCursor(String value) {
    return new CatalogQuery(
        categories, minPrice, maxPrice, minRating, inStockOnly, sellerId, sort, value, limit);
  }

  public CatalogQuery withLimit(Integer value) {
    return new CatalogQuery(
        categories, minPrice, maxPrice, minRating, inStockOnly, sellerId, sort, cursor, value);
  }
}
