package dev.marketplace.buyer.shop;

import dev.marketplace.buyer.ui.Tui;
import dev.marketplace.client.Accounts;
import dev.marketplace.client.auth.Session;
import java.util.Optional;

/**
 * Who is using the app: the signed-in buyer, if any, whose orders are followed live and remembered
 * in the {@link OrderBook} only while their session lasts.
 */
public final class Visitor {

  private final Tui tui;
  private final Accounts accounts;
  private final OrderBook orders;
  private final LiveOrders live;
  private Session session;

  public Visitor(Tui tui, Accounts accounts, OrderBook orders, LiveOrders live) {
    this.tui = tui;
    this.accounts = accounts;
    this.orders = orders;
    this.live = live;
  }

  /** Picks up the session kept from an earlier run, if there is one. */
  public void resume() {
    session = accounts.session().orElse(null);
    if (session != null) {
      live.start();
    }
  }

  public Optional<Session> session() {
    return Optional.ofNullable(session);
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
      tui.background(accounts::logout, ended -> tui.info("Signed out."));
    }
  }

  /** The session ended (the server no longer knows it, or the app closes). */
  public void signedOut() {
    live.stop();
    orders.forget();
    session = null;
  }
}
