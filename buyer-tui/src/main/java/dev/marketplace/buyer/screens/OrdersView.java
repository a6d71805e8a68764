package dev.marketplace.buyer.screens;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.marketplace.buyer.shop.OrderBook;
import dev.marketplace.buyer.ui.Canvas;
import dev.marketplace.buyer.ui.Cells;
import dev.marketplace.buyer.ui.Hint;
import dev.marketplace.buyer.ui.ListView;
import dev.marketplace.buyer.ui.Style;
import dev.marketplace.buyer.ui.Tui;
import dev.marketplace.buyer.ui.View;
import dev.marketplace.client.BuyerOrders;
import dev.marketplace.client.model.Order;
import dev.marketplace.client.model.OrderStatus;
import dev.marketplace.client.model.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * My orders, newest first, a page at a time as the cursor goes down, with each one's seller where
 * the terminal is wide enough. Orders change here as the live stream reports them, highlighted for
 * a moment; orders placed meanwhile appear at the top.
 */
final class OrdersView implements View {

  private static final int PAGE = 30;

  private final Tui tui;
  private final BuyerOrders buyerOrders;
  private final OrderBook book;
  private final Navigation navigation;
  private final ListView<Long> ids = new ListView<>();
  private OrderStatus only;
  private String nextCursor;
  private boolean pageLoading;
  private boolean loaded;
  private int generation;

  OrdersView(Tui tui, BuyerOrders buyerOrders, OrderBook book, Navigation navigation) {
    this.tui = tui;
    this.buyerOrders = buyerOrders;
    this.book = book;
    this.navigation = navigation;
  }

  @Override
  public String title() {
    String position = ids.position(nextCursor != null);
    return "My orders"
        + (only == null ? "" : " › " + only.wireName())
        + (position.isEmpty() ? "" : "  ·  " + position);
  }

  @Override
  public List<Hint> hints() {
    return List.of(
        Hint.of("Enter", "details"),
        Hint.of("f", "status filter"),
        Hint.of("r", "reload"),
        Hint.of("c", "cart"));
  }

  @Override
  public void opened() {
    reload();
  }

  /** Loads the list again; the rows shown stay until the first page has come. */
  private void reload() {
    generation++;
    nextCursor = null;
    loadPage(null);
  }

  private void loadPage(String cursor) {
    pageLoading = true;
    int mine = generation;
    OrderStatus status = only;
    tui.load(
        this,
        () -> buyerOrders.list(status, cursor, PAGE),
        (Page<Order> page) -> {
          if (mine != generation) {
            return;
          }
          if (cursor == null) {
            ids.clear();
          }
          List<Long> added = new ArrayList<>();
          for (Order order : page.items()) {
            book.remember(order);
            if (!ids.items().contains(order.id())) {
              added.add(order.id());
            }
          }
          ids.append(added);
          nextCursor = page.nextCursor();
          pageLoading = false;
          loaded = true;
          loadMoreIfNear();
        },
        failure -> pageLoading = false);
  }

  private void loadMoreIfNear() {
    if (nextCursor != null && !pageLoading && ids.nearEnd()) {
      loadPage(nextCursor);
    }
  }

  @Override
  public void draw(Canvas canvas) {
    if (loaded) {
      long newestListed = ids.items().stream().mapToLong(Long::longValue).max().orElse(0);
      List<Long> placed = new ArrayList<>(book.newerThan(newestListed));
      placed.removeIf(id -> only != null && book.order(id).map(Order::status).orElse(null) != only);
      for (int i = placed.size() - 1; i >= 0; i--) {
        ids.prepend(placed.get(i));
      }
    }
    int placedAt = 17;
    int status = 12;
    int total = 11;
    // What was ordered gets the columns the others leave; the seller gets a third of them where
    // that still leaves What at least 24 (90 columns and wider).
    int spare = Math.max(10, canvas.width() - 9 - placedAt - status - total - 3);
    int seller = spare >= 38 ? Math.min(24, spare / 3) : 0;
    int what = spare - seller;
    canvas.text(
        1,
        0,
        "  "
            + Cells.left("Order", 7)
            + Cells.left("Placed", placedAt)
            + Cells.left(" What", what + 1)
            + Cells.left("Seller", seller)
            + Cells.left("Status", status)
            + Cells.right("Total", total),
        Style.TITLE);
    Canvas list = canvas.area(0, 1, canvas.width(), canvas.height() - 1);
    if (ids.isEmpty()) {
      list.text(1, 0, loaded ? "No orders yet." : "Loading…", Style.DIM);
      return;
    }
    ids.draw(
        list,
        (line, id, style) -> {
          Order order = book.order(id).orElse(null);
          if (order == null) {
            return;
          }
          boolean changed = book.justChanged(id);
          Style shown = changed && style == Style.NORMAL ? Style.CHANGED : style;
          if (changed) {
            line.fillRow(0, shown);
          }
          line.text(
              1,
              0,
              (changed ? "● " : "  ")
                  + Cells.left("#" + order.id(), 7)
                  + Cells.left(Display.time(order.createdAt()), placedAt)
                  + " "
                  // One column is kept blank, so a long description never runs into the status.
                  + Cells.left(PayView.describe(order), what - 1)
                  + " "
                  + sellerOf(order, seller)
                  + Cells.left(Display.status(order.status()), status)
                  + Cells.right(Display.money(order.totalPrice()), total),
              shown);
        },
        true);
  }

  /** The seller's name in {@code width} columns, the last one blank; nothing in none. */
  private String sellerOf(Order order, int width) {
    return width == 0
        ? ""
        : Cells.left(book.sellerName(order.sellerId()).orElse(""), width - 1) + " ";
  }

  @Override
  public boolean onKey(KeyStroke key) {
    if (ids.onKey(key)) {
      loadMoreIfNear();
      return true;
    }
    if (key.getKeyType() == KeyType.Enter) {
      ids.selected().ifPresent(navigation::order);
      return true;
    }
    if (key.getKeyType() != KeyType.Character || key.isCtrlDown()) {
      return false;
    }
    switch (key.getCharacter()) {
      case 'r' -> reload();
      case 'f' -> {
        List<OrderStatus> all = OrderStatus.known();
        int next = only == null ? 0 : all.indexOf(only) + 1;
        only = next < all.size() ? all.get(next) : null;
        tui.info(only == null ? "Showing every order." : "Showing " + only.wireName() + " orders.");
        reload();
      }
      case 'c' -> navigation.cart();
      default -> {
        return false;
      }
    }
    return true;
  }
}
