package dev.marketplace.seller.orders;

import dev.marketplace.client.Pages;
import dev.marketplace.client.model.Order;
import dev.marketplace.client.model.OrderStatus;
import dev.marketplace.seller.command.SellerContext;
import dev.marketplace.seller.command.Usage;
import dev.marketplace.seller.output.Display;
import dev.marketplace.seller.output.JsonOutput;
import dev.marketplace.seller.output.ListPrinter;
import dev.marketplace.seller.output.OutputFormat;
import dev.marketplace.seller.output.OutputOptions;
import dev.marketplace.seller.output.Styles;
import dev.marketplace.seller.output.Table.Column;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code orders ...}: the orders of your products, and shipping them. */
@Command(
    name = "orders",
    aliases = "order",
    mixinStandardHelpOptions = true,
    description =
        "List and show orders of your products; ship, track, deliver, complete, cancel; watch live.",
    subcommands = WatchCommand.class)
public final class OrdersCommand {

  @ParentCommand SellerContext cli;

  @Spec CommandSpec spec;

  SellerContext cli() {
    return cli;
  }

  @Command(
      name = "list",
      aliases = "ls",
      mixinStandardHelpOptions = true,
      description = "Orders of your products, newest first, all pages (--limit caps them).")
  int list(
      @Option(
              names = "--status",
              paramLabel = "STATUS",
              description =
                  "Only this status: pending, processing, shipped, delivered, completed or cancelled.")
          OrderStatus status,
      @Option(
              names = "--since",
              paramLabel = "DATE",
              description = "Only orders placed since DATE (2026-11-24, or a time, local).")
          String since,
      @Option(names = "--limit", paramLabel = "N", description = "At most N orders.") Integer limit,
      @Mixin OutputOptions output) {
    Instant from = since == null ? null : parseSince(since);
    if (limit != null && limit < 1) {
      throw Usage.error(spec, "--limit must be at least 1.");
    }
    int max = limit == null ? Integer.MAX_VALUE : limit;
    int page = Math.min(max, 200);
    Iterator<Order> newestFirst =
        Pages.iterate(cursor -> cli.client().sellerOrders().list(status, cursor, page));
    List<Order> orders = new ArrayList<>();
    while (orders.size() < max && newestFirst.hasNext()) {
      Order order = newestFirst.next();
      if (from != null && order.createdAt().isBefore(from)) {
        break;
      }
      orders.add(order);
    }
    print(orders, output.format());
    return 0;
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "One order: its lines, payment and tracking timeline.")
  int show(@Parameters(paramLabel = "ID") long id, @Mixin OutputOptions output) {
    OutputFormat format = output.single();
    Order order = cli.client().sellerOrders().get(id);
    if (format == OutputFormat.JSON) {
      JsonOutput.print(cli.environment().out(), order);
    } else {
      new OrderSheet(new Display(cli.environment().zone()), new Styles(cli.environment().colour()))
          .print(cli.environment().out(), order);
    }
    return 0;
  }

  @Command(
      name = "ship",
      mixinStandardHelpOptions = true,
      description = "Ship a paid order with its carrier and tracking number.")
  int ship(
      @Parameters(paramLabel = "ID") long id,
      @Option(
              names = "--carrier",
              paramLabel = "CARRIER",
              required = true,
              description = "e.g. DHL")
          String carrier,
      @Option(names = "--tracking", required = true, paramLabel = "NUMBER") String tracking,
      @Option(names = "--location", paramLabel = "PLACE", description = "Where it leaves from.")
          String location,
      @Mixin OutputOptions output) {
    Order order = cli.client().sellerOrders().ship(id, carrier, tracking, location);
    return done(output, order, "Order " + id + " shipped with " + carrier + " " + tracking + ".");
  }

  @Command(
      name = "event",
      mixinStandardHelpOptions = true,
      description = "Report where a parcel is now.")
  int event(
      @Parameters(paramLabel = "ID") long id,
      @Option(names = "--location", paramLabel = "PLACE", required = true) String location,
      @Option(names = "--notes", paramLabel = "TEXT") String notes,
      @Mixin OutputOptions output) {
    var event = cli.client().sellerOrders().addEvent(id, location, notes);
    if (output.single() == OutputFormat.JSON) {
      JsonOutput.print(cli.environment().out(), event);
    } else {
      cli.environment().out().println("Order " + id + ": " + location + " noted.");
    }
    return 0;
  }

  @Command(
      name = "deliver",
      mixinStandardHelpOptions = true,
      description = "Mark a shipped order delivered.")
  int deliver(
      @Parameters(paramLabel = "ID") long id,
      @Option(names = "--location", paramLabel = "PLACE", description = "Where it was left.")
          String location,
      @Option(names = "--notes", paramLabel = "TEXT") String notes,
      @Mixin OutputOptions output) {
    Order order = cli.client().sellerOrders().deliver(id, location, notes);
    return done(output, order, "Order " + id + " delivered.");
  }

  @Command(
      name = "complete",
      mixinStandardHelpOptions = true,
      description = "Complete a delivered order.")
  int complete(@Parameters(paramLabel = "ID") long id, @Mixin OutputOptions output) {
    return done(output, cli.client().sellerOrders().complete(id), "Order " + id + " completed.");
  }

  @Command(
      name = "cancel",
      mixinStandardHelpOptions = true,
      description =
          "Cancel an order that has not shipped; its stock goes back on sale (refunded if paid).")
  int cancel(
      @Parameters(paramLabel = "ID") long id,
      @Option(names = "--reason", paramLabel = "TEXT", required = true) String reason,
      @Mixin OutputOptions output) {
    return done(
        output, cli.client().sellerOrders().cancel(id, reason), "Order " + id + " cancelled.");
  }

  private int done(OutputOptions output, Order order, String message) {
    if (output.single() == OutputFormat.JSON) {
      JsonOutput.print(cli.environment().out(), order);
    } else {
      cli.environment().out().println(message);
    }
    return 0;
  }

  private void print(List<Order> orders, OutputFormat format) {
    Display display = new Display(cli.environment().zone());
    new ListPrinter<Order>()
        .whenEmpty("No orders found.")
        .text("ID", "id", Order::id)
        .add(
            Column.left("PLACED"),
            "created_at",
            order -> display.time(order.createdAt()),
            Order::createdAt,
            order -> dev.marketplace.seller.output.Styles.Style.PLAIN)
        .text("BUYER", "buyer_name", Order::buyerName)
        .text("ITEMS", "items", OrdersCommand::items)
        .number(
            "TOTAL",
            "total_price",
            order -> Display.money(order.totalPrice()),
            order -> Display.plain(order.totalPrice()))
        .add(
            Column.left("STATUS"),
            "status",
            order -> order.status().wireName(),
            order -> order.status().wireName(),
            order -> Display.style(order.status()))
        .text(
            "PAYMENT",
            "payment_status",
            order -> order.paymentStatus() == null ? null : order.paymentStatus().wireName())
        .text(
            "TRACKING",
            "tracking",
            order ->
                order.carrier() == null ? null : order.carrier() + " " + order.trackingNumber())
        .print(orders, format, cli.environment().out(), new Styles(cli.environment().colour()));
  }

  /** Every line of the order; an answer without lines (a single-line order's) has one. */
  static String items(Order order) {
    if (order.items() == null || order.items().isEmpty()) {
      return order.quantity() + " x " + order.productName();
    }
    return order.items().stream()
        .map(item -> item.quantity() + " x " + item.productName())
        .collect(java.util.stream.Collectors.joining(", "));
  }

  private Instant parseSince(String text) {
    try {
      return LocalDate.parse(text).atStartOfDay(cli.environment().zone()).toInstant();
    } catch (DateTimeParseException notADate) {
      try {
        return LocalDateTime.parse(text).atZone(cli.environment().zone()).toInstant();
      } catch (DateTimeParseException notLocal) {
        try {
          return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
          throw Usage.error(
              spec,
              "--since: " + text + " is not a date (2026-11-24) or a time (2026-11-24T09:30).");
        }
      }
    }
  }
}
