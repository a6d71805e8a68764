package dev.marketplace.buyer;

import com.googlecode.lanterna.screen.Screen;
import dev.marketplace.buyer.screens.Navigation;
import dev.marketplace.buyer.shop.Cart;
import dev.marketplace.buyer.shop.LiveOrders;
import dev.marketplace.buyer.shop.OrderBook;
import dev.marketplace.buyer.shop.Visitor;
import dev.marketplace.buyer.ui.Theme;
import dev.marketplace.buyer.ui.Tui;
import dev.marketplace.client.MarketplaceClient;
import java.io.IOException;

/**
 * The buyer's terminal app, wired: the shell ({@link Tui}), the cart, the orders as last seen and
 * their live stream, the visitor, and the {@link Navigation} that opens each screen with just what
 * it uses. No screen sees this class.
 */
public final class BuyerApp {

  private final Tui tui;
  private final Cart cart = new Cart();
  private final LiveOrders live;
  private final Visitor visitor;
  private final Navigation navigation;

  public BuyerApp(Screen screen, Theme theme, MarketplaceClient client) {
    this.tui = new Tui(screen, theme);
    OrderBook orders = new OrderBook();
    this.live = new LiveOrders(tui, client, orders);
    this.visitor = new Visitor(tui, client.accounts(), orders, live);
    this.navigation = new Navigation(tui, client, cart, orders, visitor);
    tui.headerRight(this::headerRight);
    tui.whenSignedOut(
        retry -> {
          visitor.signedOut();
          tui.error("Your session has ended: sign in again.");
          navigation.signIn(retry);
        });
  }

  /** Runs until the user quits; the caller restores the terminal. */
  public void run() throws IOException {
    visitor.resume();
    try {
      tui.run(navigation.catalog());
    } finally {
      live.stop();
      tui.shutdown();
    }
  }

  private String headerRight() {
    StringBuilder text = new StringBuilder();
    String state = live.state().label();
    if (!state.isEmpty()) {
      text.append(state).append("  ");
    }
    text.append("cart ").append(cart.items()).append("  ");
    text.append(visitor.session().map(session -> session.name()).orElse("not signed in"));
    return text.toString();
  }
}
