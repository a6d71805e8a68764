package dev.marketplace.seller.orders;

import dev.marketplace.client.MarketplaceClient;
import dev.marketplace.client.failure.MarketplaceException;
import dev.marketplace.client.model.Order;
import dev.marketplace.client.model.OrderEvent;
import dev.marketplace.client.model.OrderEventKind;
import dev.marketplace.client.model.OrderStatus;
import dev.marketplace.client.stream.OrderEventListener;
import dev.marketplace.client.stream.OrderEventStream;
import dev.marketplace.seller.output.Display;
import dev.marketplace.seller.output.JsonOutput;
import dev.marketplace.seller.output.OutputFormat;
import dev.marketplace.seller.output.OutputOptions;
import dev.marketplace.seller.output.Styles;
import dev.marketplace.seller.output.Styles.Style;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code orders watch}: each new order and each change as it happens, one line each, until Ctrl-C.
 * After a dropped connection it says so on standard error, reconnects and resumes where it was
 * (Last-Event-ID), so no change is missed.
 */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = {
      "Follow your orders live: each new order and each change, as it happens, until Ctrl-C.",
      "Reconnects by itself after a dropped connection and catches up on what it missed."
    })
final class WatchCommand implements Callable<Integer> {

  @ParentCommand OrdersCommand orders;

  @Option(
      names = "--after",
      paramLabel = "EVENT_ID",
      description =
          "First replay the changes after this event id (the first column of -o wide, or the id"
              + " of -o json).")
  Long after;

  @Option(names = "--count", paramLabel = "N", description = "Stop after N changes.")
  Integer count;

  @Mixin OutputOptions output;

  /** What the stream's thread hands over to this one. */
  private sealed interface Signal {}

  private record Received(OrderEvent event) implements Signal {}

  private record Ended(MarketplaceException failure) implements Signal {}

  @Override
  public Integer call() throws InterruptedException {
    OutputFormat format = output.single();
    MarketplaceClient client = orders.cli().client();
    PrintWriter out = orders.cli().environment().out();
    PrintWriter err = orders.cli().environment().err();
    Display display = new Display(orders.cli().environment().zone());
    Styles styles = new Styles(orders.cli().environment().colour());
    BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    err.println("Watching orders on " + client.server() + " (Ctrl-C to stop)...");
    err.flush();
    OrderEventListener listener =
        new OrderEventListener() {
          @Override
          public void onEvent(OrderEvent event) {
            signals.add(new Received(event));
          }

          /** When the connection dropped (System.nanoTime), or null while it holds. */
          private Long lostSince;

          @Override
          public void onConnected() {
            if (lostSince == null) {
              err.println("Connected.");
            } else {
              long seconds = Math.round((System.nanoTime() - lostSince) / 1e9);
              err.println("Reconnected after " + seconds + " s.");
              lostSince = null;
            }
            err.flush();
          }

          /** One line when the connection drops, however many attempts it takes to get back. */
          @Override
          public void onReconnecting(MarketplaceException cause, Duration retryIn) {
            if (lostSince != null) {
              return;
            }
            lostSince = System.nanoTime();
            err.println("Connection lost (" + cause.getMessage() + "); reconnecting...");
            err.flush();
          }

          @Override
          public void onClosed(MarketplaceException failure) {
            signals.add(new Ended(failure));
          }
        };
    int seen = 0;
    try (OrderEventStream stream = client.followOrders(after, listener)) {
      while (count == null || seen < count) {
        Signal signal = signals.take();
        if (signal instanceof Ended ended) {
          if (ended.failure() != null) {
            throw ended.failure();
          }
          break;
        }
        OrderEvent event = ((Received) signal).event();
        seen++;
        if (format == OutputFormat.JSON) {
          JsonOutput.printLine(out, event);
        } else {
          out.println(
              (output.wide() ? event.id() + "  " : "") + line(client, event, display, styles));
          out.flush();
        }
      }
    }
    return 0;
  }

  /** {@code 15:35 order 42 new 2 x Desk Lamp 49.00 Ada} and the like. */
  private static String line(
      MarketplaceClient client, OrderEvent event, Display display, Styles styles) {
    boolean placed = event.kind() == OrderEventKind.STATUS && event.status() == OrderStatus.PENDING;
    String what =
        placed
            ? "new"
            : event.kind() == OrderEventKind.SHIPPING ? "tracking" : event.status().wireName();
    StringBuilder line =
        new StringBuilder()
            .append(display.time(event.createdAt()))
            .append("  order ")
            .append(event.orderId())
            .append("  ")
            .append(
                styles.apply(
                    placed ? Style.ACCENT : Display.style(event.status()),
                    String.format("%-10s", what)));
    if (placed) {
      try {
        Order order = client.sellerOrders().get(event.orderId());
        line.append("  ")
            .append(OrdersCommand.items(order))
            .append("  ")
            .append(Display.money(order.totalPrice()))
            .append("  ")
            .append(order.buyerName());
      } catch (MarketplaceException unavailable) {
        // The line stands without the order's details.
      }
    }
    if (event.location() != null) {
      line.append("  ").append(event.location());
    }
    if (event.notes() != null && !event.notes().isBlank()) {
      line.append("  (").append(event.notes()).append(")");
    }
    return line.toString().stripTrailing();
  }
}
