package dev.marketplace.buyer.shop;

import dev.marketplace.buyer.ui.Tui;
import dev.marketplace.client.MarketplaceClient;
import dev.marketplace.client.failure.MarketplaceException;
import dev.marketplace.client.failure.NotSignedInException;
import dev.marketplace.client.model.OrderEvent;
import dev.marketplace.client.stream.OrderEventListener;
import dev.marketplace.client.stream.OrderEventStream;
import java.time.Duration;

/**
 * Follows the signed-in buyer's order stream while the TUI runs and keeps the {@link OrderBook} up
 * to date: each event marks its order as just changed, and the order is fetched again. The stream
 * starts from the newest event the buyer's orders show and resumes with {@code Last-Event-ID} after
 * a drop, so no event is lost. Everything it changes, it changes on the GUI thread.
 */
public final class LiveOrders {

  /** How the stream fares, for the header. */
  public enum State {
    OFF(""),
    CONNECTING("connecting…"),
    LIVE("● live"),
    RECONNECTING("reconnecting...");

    private final String label;

    State(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

  private final Tui tui;
  private final MarketplaceClient client;
  private final OrderBook book;
  private volatile int generation;
  private OrderEventStream stream;
  private State state = State.OFF;

  public LiveOrders(Tui tui, MarketplaceClient client, OrderBook book) {
    this.tui = tui;
    this.client = client;
    this.book = book;
  }

  public State state() {
    return state;
  }

  /** Starts following, unless it already does. GUI thread. */
  public void start() {
    if (state != State.OFF) {
      return;
    }
    state = State.CONNECTING;
    int mine = ++generation;
    Thread starter = new Thread(() -> connect(mine), "order-events-start");
    starter.setDaemon(true);
    starter.start();
  }

  /** Stops following. GUI thread. */
  public void stop() {
    generation++;
    state = State.OFF;
    if (stream != null) {
      stream.close();
      stream = null;
    }
  }

  private void connect(int mine) {
    Duration wait = Duration.ofSeconds(1);
    while (mine == generation) {
      try {
        OrderEventStream opened = client.followOrders(null, new Listener(mine));
        tui.post(
            () -> {
              if (mine == generation) {
                stream = opened;
              } else {
                opened.close();
              }
            });
        return;
      } catch (NotSignedInException e) {
        tui.post(() -> ended(mine, null));
        return;
      } catch (MarketplaceException e) {
        tui.post(() -> moved(mine, State.RECONNECTING));
        try {
          Thread.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
          return;
        }
        wait =
            wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
      }
    }
  }

  private void moved(int mine, State to) {
    if (mine != generation) {
      return;
    }
    if (to == State.LIVE) {
      tui.reached(state == State.RECONNECTING ? "Live updates resumed." : null);
    }
    state = to;
  }

  private void ended(int mine, MarketplaceException failure) {
    if (mine != generation) {
      return;
    }
    state = State.OFF;
    stream = null;
    if (failure != null) {
      tui.error("Live updates stopped: " + failure.getMessage());
    }
  }

  private void arrived(int mine, OrderEvent event) {
    if (mine != generation) {
      return;
    }
    book.changed(event);
    book.order(event.orderId()).ifPresent(known -> book.remember(Orders.moved(known, event)));
    tui.animateFor(OrderBook.HIGHLIGHT);
    tui.background(() -> client.buyerOrders().get(event.orderId()), book::remember);
  }

  /** Hands what the stream's thread hears to the GUI thread. */
  private final class Listener implements OrderEventListener {

    private final int mine;

    Listener(int mine) {
      this.mine = mine;
    }

    @Override
    public void onEvent(OrderEvent event) {
      tui.post(() -> arrived(mine, event));
    }

    @Override
    public void onConnected() {
      tui.post(() -> moved(mine, State.LIVE));
    }

    @Override
    public void onReconnecting(MarketplaceException cause, Duration retryIn) {
      tui.post(() -> moved(mine, State.RECONNECTING));
    }

    @Override
    public void onClosed(MarketplaceException failure) {
      tui.post(() -> ended(mine, failure));
    }
  }
}
