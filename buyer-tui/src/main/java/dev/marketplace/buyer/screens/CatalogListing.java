package dev.marketplace.buyer.screens;

import dev.marketplace.buyer.ui.ListView;
import dev.marketplace.buyer.ui.Tui;
import dev.marketplace.buyer.ui.View;
import dev.marketplace.client.Catalog;
import dev.marketplace.client.model.CatalogQuery;
import dev.marketplace.client.model.Page;
import dev.marketplace.client.model.Product;
import dev.marketplace.client.model.ProductSort;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What the catalog lists: the category, search, filters and sort chosen, and the products they
 * find, fetched a page at a time as the cursor nears the end of what is loaded. Each new choice
 * starts the list over.
 */
final class CatalogListing {

  private static final int PAGE = 30;
  private static final List<ProductSort> BROWSE_SORTS =
      List.of(
          ProductSort.NEWEST,
          ProductSort.PRICE_ASC,
          ProductSort.PRICE_DESC,
          ProductSort.RATING,
          ProductSort.BEST_SELLING);

  private final Tui tui;
  private final Catalog catalog;
  private final View owner;
  private final BooleanSupplier scrolling;
  private final ListView<Product> products = new ListView<>();
  private String category;
  private String search;
  private Filters filters = Filters.NONE;
  private ProductSort sort;
  private String nextCursor;
  private boolean pageLoading;
  private boolean loaded;
  // Pages of an earlier choice that arrive late belong to no list any more.
  private int generation;

  /**
   * @param owner the view the pages are loaded for
   * @param scrolling whether the products have the focus: only then does nearing the end load more
   */
  CatalogListing(Tui tui, Catalog catalog, View owner, BooleanSupplier scrolling) {
    this.tui = tui;
    this.catalog = catalog;
    this.owner = owner;
    this.scrolling = scrolling;
  }

  ListView<Product> products() {
    return products;
  }

  String category() {
    return category;
  }

  String search() {
    return search;
  }

  Filters filters() {
    return filters;
  }

  /** The first page has come (or failed): an empty list means nothing matches. */
  boolean loaded() {
    return loaded;
  }

  /** More pages of the current list can be fetched. */
  boolean hasMore() {
    return nextCursor != null;
  }

  boolean loadingMore() {
    return nextCursor != null && pageLoading;
  }

  /** A category, search or filter narrows what is listed. */
  boolean narrowed() {
    return search != null || !filters.isNone() || category != null;
  }

  /** The sort in use: the chosen one, else the server's default for a browse or a search. */
  ProductSort effectiveSort() {
    if (sort != null) {
      return sort;
    }
    return search == null ? ProductSort.NEWEST : ProductSort.RELEVANCE;
  }

  /** The sort after the one in use, relevance only while searching. */
  ProductSort nextSort() {
    List<ProductSort> choices = new ArrayList<>();
    if (search != null) {
      choices.add(ProductSort.RELEVANCE);
    }
    choices.addAll(BROWSE_SORTS);
    int at = choices.indexOf(effectiveSort());
    return choices.get((at + 1) % choices.size());
  }

  void sortBy(ProductSort chosen) {
    sort = chosen;
    reload();
  }

  void showCategory(String name) {
    category = name;
    reload();
  }

  void filter(Filters chosen) {
    filters = chosen;
    reload();
  }

  /** Searches for {@code text}; an empty one goes back to browsing. */
  void search(String text) {
    search = text.isEmpty() ? null : text;
    if (search == null && sort == ProductSort.RELEVANCE) {
      sort = null;
    }
    reload();
  }

  void reload() {
    generation++;
    products.clear();
    nextCursor = null;
    pageLoading = false;
    loaded = false;
    loadPage(null);
  }

  void loadMoreIfNear() {
    if (scrolling.getAsBoolean() && nextCursor != null && !pageLoading && products.nearEnd()) {
      loadPage(nextCursor);
    }
  }

  private void loadPage(String cursor) {
    pageLoading = true;
    int mine = generation;
    CatalogQuery query =
        filters
            .applyTo(CatalogQuery.all())
            .withCategories(category == null ? List.of() : List.of(category))
            .withSort(sort)
            .withCursor(cursor)
            .withLimit(PAGE);
    String text = search;
    tui.load(
        owner,
        () -> text == null ? catalog.browse(query) : catalog.search(text, query),
        (Page<Product> page) -> {
          if (mine != generation) {
            return;
          }
          products.append(page.items());
          nextCursor = page.nextCursor();
          pageLoading = false;
          loaded = true;
          loadMoreIfNear();
        },
        failure -> {
          if (mine == generation) {
            pageLoading = false;
            loaded = true;
          }
        });
  }
}
