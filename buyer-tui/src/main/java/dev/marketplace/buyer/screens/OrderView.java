package dev.marketplace.buyer.screens;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.marketplace.buyer.shop.OrderBook;
import dev.marketplace.buyer.ui.Canvas;
import dev.marketplace.buyer.ui.Cells;
import dev.marketplace.buyer.ui.Hint;
import dev.marketplace.buyer.ui.ListView;
import dev.marketplace.buyer.ui.PromptView;
import dev.marketplace.buyer.ui.Style;
import dev.marketplace.buyer.ui.Tui;
import dev.marketplace.buyer.ui.View;
import dev.marketplace.client.BuyerOrders;
import dev.marketplace.client.model.Order;
import dev.marketplace.client.model.OrderEvent;
import dev.marketplace.client.model.OrderEventKind;
import dev.marketplace.client.model.OrderItem;
import dev.marketplace.client.model.OrderStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One order: its lines, payment, shipping and timeline, updated in place as live events arrive
 * (what changed is highlighted for a moment). Cancel it before it ships, pay it while pending,
 * review its products once delivered.
 */
final class OrderView implements View {

  private static final Set<OrderStatus> CANCELLABLE =
      Set.of(OrderStatus.PENDING, OrderStatus.PROCESSING);
  private static final Set<OrderStatus> REVIEWABLE =
      Set.of(OrderStatus.DELIVERED, OrderStatus.COMPLETED);

  private final Tui tui;
  private final BuyerOrders buyerOrders;
  private final OrderBook book;
  private final Navigation navigation;
  private final long orderId;
  private final ListView<OrderItem> lines = new ListView<>();
  private String problem;

  OrderView(Tui tui, BuyerOrders buyerOrders, OrderBook book, Navigation navigation, long orderId) {
    this.tui = tui;
    this.buyerOrders = buyerOrders;
    this.book = book;
    this.navigation = navigation;
    this.orderId = orderId;
  }

  @Override
  public String title() {
    return "Order #" + orderId;
  }

  @Override
  public List<Hint> hints() {
    List<Hint> hints = new ArrayList<>();
    Order order = book.order(orderId).orElse(null);
    if (order != null && order.status() == OrderStatus.PENDING && !order.paid()) {
      hints.add(Hint.of("p", "pay"));
    }
    if (order != null && CANCELLABLE.contains(order.status())) {
      hints.add(Hint.of("x", "cancel order"));
    }
    if (order != null && REVIEWABLE.contains(order.status())) {
      hints.add(Hint.of("w", "review product"));
      hints.add(Hint.of("↑/↓", "product"));
    }
    hints.add(Hint.of("r", "reload"));
    return hints;
  }

  @Override
  public void shown() {
    reload();
  }

  private void reload() {
    tui.load(
        this,
        () -> buyerOrders.get(orderId),
        book::remember,
        failure -> problem = failure.getMessage());
  }

  @Override
  public void draw(Canvas canvas) {
    Order order = book.detail(orderId).orElse(null);
    if (order == null) {
      canvas.text(
          1, 0, problem == null ? "Loading…" : problem, problem == null ? Style.DIM : Style.ERROR);
      return;
    }
    boolean changed = book.justChanged(orderId);
    String heading = "Order #" + order.id() + " · " + Display.status(order.status());
    canvas.text(1, 0, (changed ? "● " : "") + heading, changed ? Style.CHANGED : Style.TITLE);
    canvas.text(
        1,
        1,
        "Placed "
            + Display.time(order.createdAt())
            + "  ·  Total "
            + Display.money(order.totalPrice()),
        Style.NORMAL);
    canvas.text(
        1,
        2,
        payment(order),
        order.paymentFailure() != null && !order.paid() ? Style.ERROR : Style.NORMAL);
    canvas.text(1, 3, shipping(order), Style.NORMAL);
    List<OrderItem> items = order.items() == null ? List.of() : order.items();
    if (!items.equals(lines.items())) {
      lines.replace(items);
    }
    canvas.text(1, 5, "Lines", Style.TITLE);
    int shownLines = Math.min(items.size(), 4);
    lines.draw(
        canvas.area(0, 6, canvas.width(), shownLines),
        (line, item, style) ->
            line.text(
                1,
                0,
                Cells.right(Integer.toString(item.quantity()), 4)
                    + " × "
                    + Cells.left(item.productName(), Math.max(10, line.width() - 30))
                    + Cells.right(Display.money(item.unitPrice()), 10)
                    + Cells.right(Display.money(item.lineTotal()), 11),
                style),
        REVIEWABLE.contains(order.status()));
    int top = 7 + shownLines;
    canvas.text(1, top, "Timeline", Style.TITLE);
    drawTimeline(canvas.area(1, top + 1, canvas.width() - 2, canvas.height() - top - 1), order);
  }

  private void drawTimeline(Canvas area, Order order) {
    List<OrderEvent> events = order.timeline() == null ? List.of() : order.timeline();
    int room = area.height();
    int skip = Math.max(0, events.size() - room);
    int row = 0;
    if (skip > 0) {
      skip++;
      area.text(0, row++, "… " + skip + " earlier", Style.DIM);
    }
    for (int i = skip; i < events.size(); i++) {
      OrderEvent event = events.get(i);
      boolean fresh = book.justArrived(event.id());
      List<String> parts = new ArrayList<>();
      parts.add(
          event.kind() == OrderEventKind.SHIPPING ? "on its way" : Display.status(event.status()));
      if (event.location() != null) {
        parts.add(event.location());
      }
      if (event.notes() != null && !event.notes().isBlank()) {
        parts.add(event.notes());
      }
      if (event.actor() != null) {
        parts.add("by " + event.actor());
      }
      Style style = fresh ? Style.CHANGED : Style.NORMAL;
      if (fresh) {
        area.fillRow(row, style);
      }
      area.text(
          0, row++, Display.time(event.createdAt()) + "  " + String.join(" · ", parts), style);
    }
  }

  private static String payment(Order order) {
    String status = order.paymentStatus() == null ? "unpaid" : order.paymentStatus().wireName();
    if (order.paid() && order.paidAt() != null) {
      return "Payment " + status + ", paid " + Display.time(order.paidAt());
    }
    if (order.paymentFailure() != null) {
      return "Payment " + status + ": " + order.paymentFailure();
    }
    return "Payment " + status;
  }

  private static String shipping(Order order) {
    if (order.status() == OrderStatus.CANCELLED) {
      return "Cancelled" + (order.cancelReason() == null ? "" : ": " + order.cancelReason());
    }
    if (order.carrier() == null) {
      return "Not shipped yet";
    }
    return "Shipped with " + order.carrier() + " · tracking number " + order.trackingNumber();
  }

  @Override
  public boolean onKey(KeyStroke key) {
    Order order = book.detail(orderId).orElse(null);
    if (order == null) {
      return false;
    }
    if (REVIEWABLE.contains(order.status()) && lines.onKey(key)) {
      return true;
    }
    if (key.getKeyType() != KeyType.Character || key.isCtrlDown()) {
      return false;
    }
    switch (key.getCharacter()) {
      case 'x' -> cancel(order);
      case 'p' -> {
        if (order.status() == OrderStatus.PENDING && !order.paid()) {
          navigation.pay(List.of(order));
        } else {
          tui.info(
              "Order #" + orderId + " is " + Display.status(order.status()) + ": nothing to pay.");
        }
      }
      case 'w' -> review(order);
      case 'r' -> reload();
      default -> {
        return false;
      }
    }
    return true;
  }

  private void cancel(Order order) {
    if (!CANCELLABLE.contains(order.status())) {
      tui.error(
          "Order #"
              + orderId
              + " is "
              + Display.status(order.status())
              + ": it can no longer be cancelled.");
      return;
    }
    tui.open(
        new PromptView(
            tui,
            "Cancel order #" + orderId,
            "Why are you cancelling? (the seller sees this)",
            "",
            1000,
            text -> text.isEmpty() ? "Please give a reason." : null,
            reason ->
                tui.act(
                    this,
                    () -> buyerOrders.cancel(orderId, reason),
                    cancelled -> {
                      book.remember(cancelled);
                      tui.info(
                          "Order #"
                              + orderId
                              + " is cancelled"
                              + (order.paid() ? "; the payment is refunded." : "."));
                      reload();
                    },
                    failure -> reload())));
  }

  private void review(Order order) {
    if (!REVIEWABLE.contains(order.status())) {
      tui.error("You can review a product once its order is delivered.");
      return;
    }
    lines
        .selected()
        .ifPresent(item -> navigation.review(item.productId(), item.productName(), () -> {}));
  }
}
