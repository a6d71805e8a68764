package dev.marketplace.buyer.screens;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.marketplace.buyer.shop.Visitor;
import dev.marketplace.buyer.ui.Canvas;
import dev.marketplace.buyer.ui.Cells;
import dev.marketplace.buyer.ui.Hint;
import dev.marketplace.buyer.ui.ListView;
import dev.marketplace.buyer.ui.PromptView;
import dev.marketplace.buyer.ui.Style;
import dev.marketplace.buyer.ui.Tui;
import dev.marketplace.buyer.ui.View;
import dev.marketplace.client.Catalog;
import dev.marketplace.client.model.Category;
import dev.marketplace.client.model.Product;
import dev.marketplace.client.model.ProductSort;
import java.util.ArrayList;
import java.util.List;

/**
 * The first screen: categories with their counts on the left, products on the right. Browsing needs
 * no sign-in. What the products pane lists, and its paging, is a {@link CatalogListing}.
 */
public final class CatalogView implements View {

  private final Tui tui;
  private final Catalog catalog;
  private final Visitor visitor;
  private final Navigation navigation;
  private final ListView<Category> categories = new ListView<>();
  private final CatalogListing listing;
  private final ListView<Product> products;
  private boolean categoriesFocused;

  CatalogView(Tui tui, Catalog catalog, Visitor visitor, Navigation navigation) {
    this.tui = tui;
    this.catalog = catalog;
    this.visitor = visitor;
    this.navigation = navigation;
    this.listing = new CatalogListing(tui, catalog, this, () -> !categoriesFocused);
    this.products = listing.products();
  }

  @Override
  public String title() {
    return "Catalog" + (listing.category() == null ? "" : " › " + listing.category());
  }

  @Override
  public List<Hint> hints() {
    List<Hint> hints = new ArrayList<>();
    hints.add(
        Hint.of(
            "Enter",
            categoriesFocused ? "show" : "open",
            categoriesFocused ? "show the category's products" : "open the product"));
    hints.add(Hint.of("/", "search", "search (typos are forgiven)"));
    hints.add(Hint.of("f", "filter", "filter: price range, minimum rating, in stock only"));
    hints.add(Hint.of("s", "sort", "sort: newest, price up or down, rating, best selling"));
    hints.add(Hint.of("a", "add", "add the product to the cart"));
    hints.add(Hint.of("c", "cart", "open the cart"));
    hints.add(Hint.of("o", "orders", "my orders (sign-in needed)"));
    hints.add(Hint.of("Tab ←/→", "pane", "switch between categories and products"));
    hints.add(Hint.of("↑/↓ PgUp/PgDn", "move", "move; more products load as you go down"));
    hints.add(Hint.of("r", "reload", "reload categories and products"));
    if (listing.search() != null) {
      hints.add(Hint.of("Esc", "clear search"));
    }
    hints.add(
        visitor.session().isPresent()
            ? Hint.of("L", "sign out", "sign out (here and at the server)")
            : Hint.of("l", "sign in", "sign in or register"));
    return hints;
  }

  @Override
  public void opened() {
    reload();
  }

  @Override
  public void draw(Canvas canvas) {
    String search = listing.search();
    String about =
        (search == null ? "All products" : "Search \"" + search + "\"")
            + "  ·  sort: "
            + sortLabel(listing.effectiveSort())
            + "  ·  filters: "
            + listing.filters().describe();
    String position = products.position(listing.hasMore());
    canvas.text(1, 0, Cells.left(about, canvas.width() - position.length() - 3), Style.DIM);
    canvas.text(canvas.width() - position.length() - 1, 0, position, Style.DIM);
    int leftWidth = Math.max(16, Math.min(26, canvas.width() / 4));
    Canvas left = canvas.area(0, 1, leftWidth, canvas.height() - 1);
    Canvas right =
        canvas.area(leftWidth + 1, 1, canvas.width() - leftWidth - 1, canvas.height() - 1);
    for (int row = 1; row < canvas.height(); row++) {
      canvas.text(leftWidth, row, "│", Style.DIM);
    }
    left.text(1, 0, "Categories", Style.TITLE);
    categories.draw(
        left.area(0, 1, leftWidth, left.height() - 1),
        (line, item, style) -> {
          String name = item.name() == null ? "All" : item.name();
          boolean applied =
              item.name() == null
                  ? listing.category() == null
                  : item.name().equals(listing.category());
          String count = Long.toString(item.productCount());
          line.text(
              0,
              0,
              (applied ? "▸" : " ") + Cells.left(name, line.width() - count.length() - 2),
              style);
          line.text(line.width() - count.length() - 1, 0, count, style);
        },
        categoriesFocused);
    drawProducts(right);
  }

  private void drawProducts(Canvas pane) {
    int price = 10;
    int rating = 12;
    int stock = 9;
    int name = Math.max(10, pane.width() - price - rating - stock - 2);
    pane.text(
        1,
        0,
        Cells.left("Product", name)
            + Cells.right("Price", price)
            + "  "
            + Cells.left("Rating", rating)
            + Cells.right("Stock", stock - 1),
        Style.TITLE);
    Canvas list = pane.area(0, 1, pane.width(), pane.height() - 1);
    if (products.isEmpty()) {
      list.text(1, 0, listing.loaded() ? "No products match." : "Loading…", Style.DIM);
      if (listing.loaded() && listing.narrowed()) {
        list.text(
            1,
            1,
            "Esc clears the search; f changes the filters; Tab, Enter picks a category.",
            Style.DIM);
      }
      return;
    }
    products.draw(
        list,
        (line, product, style) -> {
          String stars =
              product.ratingCount() == null || product.ratingCount() == 0
                  ? "no reviews"
                  : Display.stars(product.ratingAverage()) + " " + product.ratingCount();
          line.text(
              1,
              0,
              Cells.left(product.name(), name)
                  + Cells.right(Display.money(product.price()), price)
                  + "  "
                  + Cells.left(stars, rating)
                  + Cells.right(Display.stock(product.inventory()), stock - 1),
              style);
        },
        !categoriesFocused);
    if (listing.loadingMore()) {
      pane.text(1, pane.height() - 1, "Loading more…", Style.DIM);
    }
  }

  @Override
  public boolean onKey(KeyStroke key) {
    KeyType type = key.getKeyType();
    if (type == KeyType.Tab || type == KeyType.ReverseTab) {
      categoriesFocused = !categoriesFocused;
      return true;
    }
    if (type == KeyType.ArrowLeft) {
      categoriesFocused = true;
      return true;
    }
    if (type == KeyType.ArrowRight) {
      categoriesFocused = false;
      return true;
    }
    if (type == KeyType.Escape && listing.search() != null) {
      listing.search("");
      return true;
    }
    if (type == KeyType.Enter) {
      if (categoriesFocused) {
        categories.selected().ifPresent(chosen -> showCategory(chosen.name()));
      } else {
        products.selected().ifPresent(product -> navigation.product(product.id()));
      }
      return true;
    }
    ListView<?> focused = categoriesFocused ? categories : products;
    if (focused.onKey(key)) {
      listing.loadMoreIfNear();
      return true;
    }
    if (type != KeyType.Character || key.isCtrlDown() || key.isAltDown()) {
      return false;
    }
    switch (key.getCharacter()) {
      case '/' ->
          tui.open(
              new PromptView(
                  tui,
                  "Search",
                  "Search the catalog (typos are forgiven):",
                  listing.search(),
                  200,
                  text -> null,
                  listing::search));
      case 'f' -> tui.open(new FilterView(tui, listing.filters(), listing::filter));
      case 's' -> {
        ProductSort next = listing.nextSort();
        tui.info("Sorted by " + sortLabel(next) + ".");
        listing.sortBy(next);
      }
      case 'a' -> products.selected().ifPresent(navigation::addToCart);
      case 'c' -> navigation.cart();
      case 'o' -> navigation.orders();
      case 'r' -> reload();
      case 'l' -> {
        if (visitor.session().isPresent()) {
          tui.info("Signed in as " + visitor.session().get().email() + "; L signs out.");
        } else {
          navigation.signIn(() -> {});
        }
      }
      case 'L' -> visitor.signOut();
      default -> {
        return false;
      }
    }
    return true;
  }

  private void showCategory(String name) {
    categoriesFocused = false;
    listing.showCategory(name);
  }

  private void reload() {
    tui.load(
        this,
        catalog::categories,
        loadedCategories -> {
          List<Category> withAll = new ArrayList<>();
          withAll.add(
              new Category(
                  null, loadedCategories.stream().mapToLong(Category::productCount).sum()));
          withAll.addAll(loadedCategories);
          categories.replace(withAll);
        });
    listing.reload();
  }

  private static String sortLabel(ProductSort sort) {
    return switch (sort) {
      case RELEVANCE -> "relevance";
      case NEWEST -> "newest";
      case PRICE_ASC -> "price, lowest first";
      case PRICE_DESC -> "price, highest first";
      case RATING -> "rating";
      case BEST_SELLING -> "best selling";
    };
  }
}
