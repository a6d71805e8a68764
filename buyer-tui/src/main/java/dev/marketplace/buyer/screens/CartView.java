package dev.marketplace.buyer.screens;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.marketplace.buyer.shop.Cart;
import dev.marketplace.buyer.shop.OrderBook;
import dev.marketplace.buyer.ui.Canvas;
import dev.marketplace.buyer.ui.Cells;
import dev.marketplace.buyer.ui.ConfirmView;
import dev.marketplace.buyer.ui.Hint;
import dev.marketplace.buyer.ui.ListView;
import dev.marketplace.buyer.ui.Style;
import dev.marketplace.buyer.ui.Tui;
import dev.marketplace.buyer.ui.View;
import dev.marketplace.client.BuyerOrders;
import dev.marketplace.client.failure.ServerUnreachableException;
import dev.marketplace.client.model.CartLine;
import dev.marketplace.client.model.Checkout;
import java.util.List;

/**
 * The cart: lines from any number of sellers, their quantities and the total. Checkout places it in
 * one call with the cart's Idempotency-Key, so trying again after a network error cannot order
 * twice; then the orders are paid.
 */
final class CartView implements View {

  private final Tui tui;
  private final BuyerOrders buyerOrders;
  private final Cart cart;
  private final OrderBook orders;
  private final Navigation navigation;
  private final ListView<Cart.Line> lines = new ListView<>();
  private boolean placing;

  CartView(Tui tui, BuyerOrders buyerOrders, Cart cart, OrderBook orders, Navigation navigation) {
    this.tui = tui;
    this.buyerOrders = buyerOrders;
    this.cart = cart;
    this.orders = orders;
    this.navigation = navigation;
  }

  @Override
  public String title() {
    return "Cart";
  }

  @Override
  public List<Hint> hints() {
    return List.of(
        Hint.of("Enter", "checkout"),
        Hint.of("+/-", "quantity"),
        Hint.of("d", "remove"),
        Hint.of("o", "orders"));
  }

  @Override
  public void shown() {
    lines.replace(cart.lines());
  }

  @Override
  public void draw(Canvas canvas) {
    int price = 10;
    int quantity = 6;
    int total = 11;
    int seller = Math.min(20, canvas.width() / 5);
    int name = Math.max(10, canvas.width() - price - quantity - total - seller - 3);
    canvas.text(
        1,
        0,
        Cells.left("Product", name)
            + Cells.left(" Seller", seller)
            + Cells.right("Price", price)
            + Cells.right("Qty", quantity)
            + Cells.right("Total", total),
        Style.TITLE);
    if (cart.isEmpty()) {
      canvas.text(
          1,
          2,
          "The cart is empty. In the catalog, a adds the product under the cursor.",
          Style.DIM);
      return;
    }
    Canvas list = canvas.area(0, 1, canvas.width(), canvas.height() - 5);
    lines.draw(
        list,
        (row, line, style) ->
            row.text(
                1,
                0,
                Cells.left(line.product().name(), name)
                    + " "
                    + Cells.left(line.product().sellerName(), seller - 1)
                    + Cells.right(Display.money(line.product().price()), price)
                    + Cells.right(Integer.toString(line.quantity()), quantity)
                    + Cells.right(Display.money(line.total()), total),
                style),
        true);
    int footer = canvas.height() - 3;
    canvas.text(
        1,
        footer,
        "Total "
            + Display.money(cart.total())
            + "  ·  "
            + cart.items()
            + (cart.items() == 1 ? " item" : " items")
            + " from "
            + cart.sellers()
            + (cart.sellers() == 1 ? " seller" : " sellers"),
        Style.TITLE);
    canvas.text(
        1,
        footer + 1,
        placing
            ? "Placing the orders…"
            : "Enter checks out: one order per seller, all or none; then you pay.",
        Style.DIM);
  }

  @Override
  public boolean onKey(KeyStroke key) {
    if (placing) {
      return key.getKeyType() != KeyType.Escape;
    }
    if (lines.onKey(key)) {
      return true;
    }
    KeyType type = key.getKeyType();
    if (type == KeyType.Enter) {
      checkout();
      return true;
    }
    if (type == KeyType.Delete) {
      change(-Integer.MAX_VALUE);
      return true;
    }
    if (type != KeyType.Character || key.isCtrlDown()) {
      return false;
    }
    switch (key.getCharacter()) {
      case '+', '=' -> change(1);
      case '-' -> change(-1);
      case 'd' -> change(-Integer.MAX_VALUE);
      case 'o' -> navigation.orders();
      default -> {
        return false;
      }
    }
    return true;
  }

  private void change(int by) {
    lines
        .selected()
        .ifPresent(
            line -> {
              long wanted = (long) line.quantity() + by;
              if (wanted > line.product().inventory()) {
                tui.error(
                    "Only "
                        + line.product().inventory()
                        + " of "
                        + line.product().name()
                        + " in stock.");
                return;
              }
              if (by == -1 && wanted < 1) {
                tui.info("d removes the line.");
                return;
              }
              cart.setQuantity(line.product(), (int) Math.max(0, wanted));
              lines.replace(cart.lines());
            });
  }

  private void checkout() {
    if (cart.isEmpty()) {
      tui.info("The cart is empty.");
      return;
    }
    navigation.whenSignedIn(
        () ->
            tui.open(
                new ConfirmView(
                    tui,
                    "Checkout",
                    List.of(
                        "Place "
                            + cart.sellers()
                            + (cart.sellers() == 1 ? " order" : " orders (one per seller)")
                            + " for "
                            + Display.money(cart.total())
                            + "?",
                        "The stock is held for you until you pay."),
                    this::place)));
  }

  private void place() {
    placing = true;
    String key = cart.checkoutKey();
    List<CartLine> order = cart.checkoutLines();
    tui.act(
        this,
        () -> buyerOrders.checkout(order, key),
        (Checkout placed) -> {
          placing = false;
          cart.clear();
          placed.orders().forEach(orders::remember);
          tui.close(this);
          tui.info(
              "Placed "
                  + placed.orders().size()
                  + (placed.orders().size() == 1 ? " order" : " orders")
                  + " for "
                  + Display.money(placed.totalPrice())
                  + ". Now choose a card.");
          navigation.pay(placed.orders());
        },
        failure -> {
          placing = false;
          if (failure instanceof ServerUnreachableException) {
            tui.error(
                failure.getMessage()
                    + " Enter tries again: the same checkout is sent, so it cannot order twice.");
          }
        });
  }
}
