package dev.marketplace.buyer.screens;

import dev.marketplace.buyer.shop.Cart;
import dev.marketplace.buyer.shop.OrderBook;
import dev.marketplace.buyer.shop.Visitor;
import dev.marketplace.buyer.ui.Tui;
import dev.marketplace.client.MarketplaceClient;
import dev.marketplace.client.model.Order;
import dev.marketplace.client.model.Product;
import java.util.List;

/**
 * Opens the screens. It is the one place that knows every screen and what each needs, so that a
 * screen gets only the collaborators it uses (a part of the client, the cart, the order book, the
 * visitor) and this, to go elsewhere.
 */
public final class Navigation {

  private final Tui tui;
  private final MarketplaceClient client;
  private final Cart cart;
  private final OrderBook orders;
  private final Visitor visitor;

  public Navigation(
      Tui tui, MarketplaceClient client, Cart cart, OrderBook orders, Visitor visitor) {
    this.tui = tui;
    this.client = client;
    this.cart = cart;
    this.orders = orders;
    this.visitor = visitor;
  }

  /** The first screen. */
  public CatalogView catalog() {
    return new CatalogView(tui, client.catalog(), visitor, this);
  }

  /** Asks the visitor to sign in or register, then runs {@code then}. */
  public void signIn(Runnable then) {
    tui.open(new SignInView(tui, client.accounts(), client.server(), visitor, then));
  }

  /** Runs {@code then} now if someone is signed in, else after they sign in or register. */
  void whenSignedIn(Runnable then) {
    if (visitor.session().isPresent()) {
      then.run();
    } else {
      signIn(then);
    }
  }

  void product(long productId) {
    tui.open(new ProductView(tui, client.catalog(), cart, this, productId));
  }

  void addToCart(Product product) {
    AddToCart.ask(tui, cart, product);
  }

  void cart() {
    tui.open(new CartView(tui, client.buyerOrders(), cart, orders, this));
  }

  void orders() {
    whenSignedIn(() -> tui.open(ordersView()));
  }

  /** My orders, right above the catalog (after paying, say). */
  void ordersFromRoot() {
    tui.openFromRoot(ordersView());
  }

  void order(long orderId) {
    tui.open(new OrderView(tui, client.buyerOrders(), orders, this, orderId));
  }

  void pay(List<Order> unpaid) {
    tui.open(new PayView(tui, client.payments(), client.buyerOrders(), orders, this, unpaid));
  }

  void review(long productId, String productName, Runnable posted) {
    tui.open(new ReviewView(tui, client.catalog(), productId, productName, posted));
  }

  private OrdersView ordersView() {
    return new OrdersView(tui, client.buyerOrders(), orders, this);
  }
}
