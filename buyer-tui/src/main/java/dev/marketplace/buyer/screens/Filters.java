package dev.marketplace.buyer.screens;

import dev.marketplace.client.model.CatalogQuery;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The catalog's filters besides the category and the search: price range, rating, stock. */
record Filters(BigDecimal minPrice, BigDecimal maxPrice, BigDecimal minRating, boolean inStock) {

  static final Filters NONE = new Filters(null, null, null, false);

  CatalogQuery applyTo(CatalogQuery query) {
    return query.withPrices(minPrice, maxPrice).withMinRating(minRating).withInStockOnly(inStock);
  }

  boolean isNone() {
    return equals(NONE);
  }

  /** For the line above the list, e.g. {@code 10.00–100.00, ★ 4+, in stock}. */
  String describe() {
    List<String> parts = new ArrayList<>();
    if (minPrice != null || maxPrice != null) {
      parts.add(
          (minPrice == null ? "" : Display.money(minPrice))
              + "–"
              + (maxPrice == null ? "" : Display.money(maxPrice)));
    }
    if (minRating != null) {
      parts.add("★ " + minRating.stripTrailingZeros().toPlainString() + "+");
    }
    if (inStock) {
      parts.add("in stock");
    }
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }
}
