package dev.marketplace.buyer.screens;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.marketplace.buyer.shop.Cart;
import dev.marketplace.buyer.ui.Canvas;
import dev.marketplace.buyer.ui.Cells;
import dev.marketplace.buyer.ui.Hint;
import dev.marketplace.buyer.ui.Style;
import dev.marketplace.buyer.ui.Tui;
import dev.marketplace.buyer.ui.View;
import dev.marketplace.client.Catalog;
import dev.marketplace.client.model.Page;
import dev.marketplace.client.model.Product;
import dev.marketplace.client.model.Rating;
import dev.marketplace.client.model.Review;
import java.util.ArrayList;
import java.util.List;

/** One product: description, price, stock, the rating histogram, reviews page by page. */
final class ProductView implements View {

  private static final int REVIEWS_PER_PAGE = 4;

  private final Tui tui;
  private final Catalog catalog;
  private final Cart cart;
  private final Navigation navigation;
  private final long productId;
  private final List<String> pageCursors = new ArrayList<>();
  private Product product;
  private Page<Review> reviews;
  private int page;
  private String problem;

  ProductView(Tui tui, Catalog catalog, Cart cart, Navigation navigation, long productId) {
    this.tui = tui;
    this.catalog = catalog;
    this.cart = cart;
    this.navigation = navigation;
    this.productId = productId;
  }

  @Override
  public String title() {
    return "Product" + (product == null ? "" : " › " + product.name());
  }

  @Override
  public List<Hint> hints() {
    return List.of(
        Hint.of("a", "add to cart"),
        Hint.of("n/p", "reviews page"),
        Hint.of("w", "write a review"),
        Hint.of("c", "cart"));
  }

  @Override
  public void opened() {
    reload();
  }

  private void reload() {
    tui.load(
        this,
        () -> catalog.product(productId),
        loaded -> product = loaded,
        failure -> problem = failure.getMessage());
    pageCursors.clear();
    pageCursors.add(null);
    page = 0;
    loadReviews();
  }

  private void loadReviews() {
    String cursor = pageCursors.get(page);
    tui.load(
        this,
        () -> catalog.reviews(productId, cursor, REVIEWS_PER_PAGE),
        loaded -> reviews = loaded);
  }

  @Override
  public void draw(Canvas canvas) {
    if (product == null) {
      canvas.text(
          1, 0, problem == null ? "Loading…" : problem, problem == null ? Style.DIM : Style.ERROR);
      return;
    }
    canvas.text(1, 0, product.name(), Style.TITLE);
    canvas.text(1, 1, "by " + product.sellerName() + " · " + product.category(), Style.DIM);
    int inCart = cart.line(productId).map(line -> line.quantity()).orElse(0);
    canvas.text(
        1,
        2,
        "Price "
            + Display.money(product.price())
            + "    Stock "
            + Display.stock(product.inventory())
            + photos()
            + (inCart > 0 ? "    (" + inCart + " in the cart)" : ""),
        Style.NORMAL);
    int half = canvas.width() / 2;
    List<String> description =
        Cells.wrap(
            product.description() == null || product.description().isBlank()
                ? "(no description)"
                : product.description(),
            half - 2);
    for (int row = 0; row < Math.min(6, description.size()); row++) {
      canvas.text(1, 4 + row, description.get(row), Style.NORMAL);
    }
    drawRating(canvas.area(half + 1, 4, canvas.width() - half - 2, 6));
    drawReviews(canvas.area(1, 11, canvas.width() - 2, canvas.height() - 11));
  }

  /** A terminal cannot show the product's images, but it says they exist. */
  private String photos() {
    int count = product.images() == null ? 0 : product.images().size();
    return count == 0 ? "" : "    " + count + (count == 1 ? " photo" : " photos");
  }

  private void drawRating(Canvas area) {
    Rating rating = product.rating();
    if (rating == null || rating.count() == 0) {
      area.text(0, 0, "No reviews yet", Style.DIM);
      return;
    }
    area.text(
        0,
        0,
        "Rating "
            + Display.stars(rating.average())
            + " "
            + rating.average().toPlainString()
            + " · "
            + rating.count()
            + (rating.count() == 1 ? " review" : " reviews"),
        Style.NORMAL);
    int most = 0;
    for (int stars = 1; stars <= 5; stars++) {
      most = Math.max(most, rating.reviewsWith(stars));
    }
    int barWidth = Math.max(4, area.width() - 12);
    for (int stars = 5; stars >= 1; stars--) {
      int count = rating.reviewsWith(stars);
      int length = most == 0 ? 0 : Math.round((float) count * barWidth / most);
      if (count > 0 && length == 0) {
        length = 1;
      }
      int row = 6 - stars;
      area.text(0, row, stars + "★ ", Style.DIM);
      area.text(3, row, Cells.left("█".repeat(length), barWidth), Style.GOOD);
      area.text(4 + barWidth, row, Integer.toString(count), Style.NORMAL);
    }
  }

  private void drawReviews(Canvas area) {
    boolean more = reviews != null && reviews.hasMore();
    area.text(
        0,
        0,
        "Reviews, page "
            + (page + 1)
            + (more ? "   n: next page" : "")
            + (page > 0 ? "   p: previous" : ""),
        Style.TITLE);
    if (reviews == null) {
      area.text(0, 1, "Loading…", Style.DIM);
      return;
    }
    if (reviews.items().isEmpty()) {
      area.text(0, 1, "No reviews yet. Bought it? w writes one.", Style.DIM);
      return;
    }
    int row = 1;
    for (Review review : reviews.items()) {
      area.text(
          0,
          row,
          Display.stars(review.rating())
              + "  "
              + review.buyerName()
              + "  "
              + Display.time(review.updatedAt()),
          Style.NORMAL);
      String comment = review.comment() == null ? "" : review.comment();
      area.text(2, row + 1, comment, Style.DIM);
      row += 2;
    }
  }

  @Override
  public boolean onKey(KeyStroke key) {
    KeyType type = key.getKeyType();
    boolean character = type == KeyType.Character && !key.isCtrlDown() && !key.isAltDown();
    char c = character ? key.getCharacter() : 0;
    if (type == KeyType.PageDown || c == 'n') {
      if (reviews != null && reviews.hasMore()) {
        page++;
        if (pageCursors.size() <= page) {
          pageCursors.add(reviews.nextCursor());
        }
        loadReviews();
      }
      return true;
    }
    if (type == KeyType.PageUp || c == 'p') {
      if (page > 0) {
        page--;
        loadReviews();
      }
      return true;
    }
    if (product == null) {
      return false;
    }
    switch (c) {
      case 'a' -> navigation.addToCart(product);
      case 'c' -> navigation.cart();
      case 'w' ->
          navigation.whenSignedIn(
              () -> navigation.review(product.id(), product.name(), this::reload));
      default -> {
        return false;
      }
    }
    return true;
  }
}
