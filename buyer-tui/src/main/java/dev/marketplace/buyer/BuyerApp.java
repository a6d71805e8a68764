package dev.marketplace.buyer;

import com.googlecode.lanterna.screen.Screen;
import dev.marketplace.buyer.screens.CatalogView;
import dev.marketplace.buyer.screens.SignInView;
import dev.marketplace.buyer.shop.Cart;
import dev.marketplace.buyer.shop.LiveOrders;
import dev.marketplace.buyer.shop.OrderBook;
import dev.marketplace.buyer.ui.Theme;
import dev.marketplace.buyer.ui.Tui;
import dev.marketplace.client.MarketplaceClient;
import dev.marketplace.client.auth.Session;
import java.io.IOException;
import java.util.Optional;

/**
 * The buyer's terminal app: the screens on a {@link Tui}, the client they share, the cart, the
 * orders as last seen and their live stream, and who is signed in.
 */
public final class BuyerApp {

  private final Tui tui;
  private final MarketplaceClient client;
  private final Cart cart = new Cart();
  private final OrderBook orders = new OrderBook();
  private final LiveOrders live;
  private Session session;

  public BuyerApp(Screen screen, Theme theme, MarketplaceClient client) {
    this.tui = new Tui(screen, theme);
    this.client = client;
    this.live = new LiveOrders(tui, client, orders);
    tui.headerRight(this::headerRight);
    tui.whenSignedOut(
        retry -> {
          signedOut();
          tui.error("Your session has ended: sign in again.");
          tui.open(new SignInView(this, retry));
        });
  }

  /** Runs until the user quits; the caller restores the terminal. */
  public void run() throws IOException {
    session = client.accounts().session().orElse(null);
    if (session != null) {
      live.start();
    }
    try {
      tui.run(new CatalogView(this));
    } finally {
      live.stop();
      tui.shutdown();
    }
  }

  public Tui tui() {
    return tui;
  }

  public MarketplaceClient client() {
    return client;
  }

  public Cart cart() {
    return cart;
  }

  public OrderBook orders() {
    return orders;
  }

  public Optional<Session> session() {
    return Optional.ofNullable(session);
  }

  /** Runs {@code then} now if someone is signed in, else after they sign in or register. */
  public void whenSignedIn(Runnable then) {
    if (session != null) {
      then.run();
    } else {
      tui.open(new SignInView(this, then));
    }
  }

  /** A session began: the orders of whoever was here before are forgotten, and followed live. */
  public void signedIn(Session started) {
    live.stop();
    orders.forget();
    session = started;
    live.start();
  }

  /** Ends the session here and at the server, in the background. */
  public void signOut() {
    Session ending = session;
    signedOut();
    if (ending != null) {
      tui.background(() -> client.accounts().logout(), ended -> tui.info("Signed out."));
    }
  }

  private void signedOut() {
    live.stop();
    orders.forget();
    session = null;
  }

  private String headerRight() {
    StringBuilder text = new StringBuilder();
    String state = live.state().label();
    if (!state.isEmpty()) {
      text.append(state).append("  ");
    }
    text.append("cart ").append(cart.items()).append("  ");
    text.append(session == null ? "not signed in" : session.name());
    return text.toString();
  }
}
