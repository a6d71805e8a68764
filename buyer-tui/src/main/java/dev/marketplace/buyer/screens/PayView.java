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
import dev.marketplace.client.Payments;
import dev.marketplace.client.failure.ApiException;
import dev.marketplace.client.failure.ErrorCode;
import dev.marketplace.client.failure.ServerUnreachableException;
import dev.marketplace.client.model.Order;
import dev.marketplace.client.model.Payment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Pays orders with a sandbox card chosen from a list and shows what the gateway answered for each.
 * Each order and card has its Idempotency-Key until the gateway's answer is known, so paying again
 * after a network error cannot charge twice.
 */
final class PayView implements View {

  /** The sandbox gateway's cards, in the order they are offered. */
  private static final List<String> CARDS =
      List.of("tok_success", "tok_declined", "tok_insufficient_funds", "tok_slow", "tok_error");

  private final Tui tui;
  private final Payments payments;
  private final BuyerOrders buyerOrders;
  private final OrderBook book;
  private final Navigation navigation;
  private final List<Order> orders;
  private final ListView<String> cards = new ListView<>();
  private final Map<Long, String> answers = new HashMap<>();
  private final Map<Long, Style> answerStyles = new HashMap<>();
  private final Map<Long, Boolean> settled = new HashMap<>();
  private final Map<String, String> keys = new HashMap<>();
  private int paying;
  // Orders whose payment the gateway left pending: the live stream says when it settles.
  private final Set<Long> settling = new HashSet<>();
  // Orders captured in this round of paying, said together once every answer is in.
  private final List<Long> paidNow = new ArrayList<>();

  PayView(
      Tui tui,
      Payments payments,
      BuyerOrders buyerOrders,
      OrderBook book,
      Navigation navigation,
      List<Order> orders) {
    this.tui = tui;
    this.payments = payments;
    this.buyerOrders = buyerOrders;
    this.book = book;
    this.navigation = navigation;
    this.orders = List.copyOf(orders);
    cards.replace(CARDS);
    for (Order order : orders) {
      settled.put(order.id(), order.paid());
    }
  }

  @Override
  public String title() {
    return "Pay";
  }

  @Override
  public List<Hint> hints() {
    return List.of(Hint.of("↑/↓", "card"), Hint.of("Enter", "pay"), Hint.of("o", "my orders"));
  }

  @Override
  public void draw(Canvas canvas) {
    noticeSettled();
    canvas.text(1, 0, "Orders to pay", Style.TITLE);
    int row = 1;
    int shown = 0;
    for (Order order : orders) {
      if (shown == 4) {
        canvas.text(3, row++, "… and " + (orders.size() - shown) + " more", Style.DIM);
        break;
      }
      shown++;
      canvas.text(
          1,
          row++,
          Cells.left("#" + order.id(), 8)
              + Cells.left(describe(order), 40)
              + Cells.right(Display.money(order.totalPrice()), 10),
          Style.NORMAL);
      String answer = answers.get(order.id());
      canvas.text(
          3,
          row++,
          answer == null ? (settled.get(order.id()) ? "paid" : "not paid yet") : answer,
          answer == null ? Style.DIM : answerStyles.getOrDefault(order.id(), Style.NORMAL));
    }
    canvas.text(1, row, "To pay: " + Display.money(unpaidTotal()), Style.TITLE);
    canvas.text(1, row + 2, "Card (sandbox gateway)", Style.TITLE);
    cards.draw(
        canvas.area(0, row + 3, canvas.width(), CARDS.size()),
        (line, card, style) ->
            line.text(1, 0, Cells.left(card, 26) + Payments.SANDBOX_CARDS.get(card), style),
        true);
    String footer =
        paying > 0
            ? "Asking the gateway…"
            : unpaidTotal().signum() == 0
                ? "All paid. o shows your orders; they change here live as the sellers ship."
                : "Enter pays every unpaid order above with the chosen card.";
    canvas.text(1, row + 4 + CARDS.size(), footer, Style.DIM);
  }

  @Override
  public boolean onKey(KeyStroke key) {
    if (cards.onKey(key)) {
      return true;
    }
    if (key.getKeyType() == KeyType.Enter) {
      pay();
      return true;
    }
    if (key.getKeyType() == KeyType.Character && key.getCharacter() == 'o') {
      navigation.ordersFromRoot();
      return true;
    }
    return false;
  }

  private void pay() {
    if (paying > 0) {
      tui.info("Still waiting for the gateway's answer.");
      return;
    }
    String card = cards.selected().orElseThrow();
    for (Order order : orders) {
      if (settled.get(order.id())) {
        continue;
      }
      String key = keys.computeIfAbsent(order.id() + " " + card, k -> "pay-" + UUID.randomUUID());
      paying++;
      answers.put(order.id(), "paying…");
      answerStyles.put(order.id(), Style.DIM);
      tui.act(
          this,
          () -> payments.pay(order.id(), card, key),
          (Payment payment) -> {
            paying--;
            keys.remove(order.id() + " " + card);
            settled.put(order.id(), true);
            if (payment.captured()) {
              answer(order, "→ captured, transaction " + payment.transactionId(), Style.GOOD);
              paidNow.add(order.id());
            } else {
              settling.add(order.id());
              answer(
                  order,
                  "→ "
                      + payment.paymentStatus().wireName()
                      + ": the gateway is slow; this updates when it settles",
                  Style.NORMAL);
            }
            tui.background(() -> buyerOrders.get(order.id()), book::remember);
            sayWhatWasPaid();
          },
          failure -> {
            paying--;
            sayWhatWasPaid();
            if (failure instanceof ServerUnreachableException) {
              answer(order, "→ no answer; Enter tries again (it cannot charge twice)", Style.ERROR);
            } else {
              keys.remove(order.id() + " " + card);
              boolean declined =
                  failure instanceof ApiException refused
                      && refused.code() == ErrorCode.PAYMENT_FAILED;
              answer(
                  order, "→ " + (declined ? "declined: " : "") + failure.getMessage(), Style.ERROR);
            }
          });
    }
  }

  /** Once every answer of a round is in: one line for all the orders it paid. */
  private void sayWhatWasPaid() {
    if (paying > 0 || paidNow.isEmpty()) {
      return;
    }
    List<String> ids = paidNow.stream().map(id -> "#" + id).toList();
    tui.info(
        ids.size() == 1
            ? "Order " + ids.get(0) + " is paid."
            : "Orders "
                + String.join(", ", ids.subList(0, ids.size() - 1))
                + " and "
                + ids.get(ids.size() - 1)
                + " are paid.");
    paidNow.clear();
  }

  /** A pending payment the gateway has since settled, as the order book (kept live) now shows. */
  private void noticeSettled() {
    for (Order order : orders) {
      if (!settling.contains(order.id())) {
        continue;
      }
      Order now = book.order(order.id()).orElse(order);
      if (now.paid()) {
        settling.remove(order.id());
        answer(order, "→ captured: the gateway has settled it", Style.GOOD);
        tui.info("Order #" + order.id() + " is paid: the gateway has settled it.");
      } else if (now.paymentFailure() != null) {
        settling.remove(order.id());
        settled.put(order.id(), false);
        answer(order, "→ declined once settled: " + now.paymentFailure(), Style.ERROR);
      }
    }
  }

  private void answer(Order order, String text, Style style) {
    answers.put(order.id(), text);
    answerStyles.put(order.id(), style);
  }

  private BigDecimal unpaidTotal() {
    return orders.stream()
        .filter(order -> !settled.get(order.id()))
        .map(Order::totalPrice)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  static String describe(Order order) {
    if (order.items() != null && !order.items().isEmpty()) {
      String first = order.items().get(0).productName();
      int more = order.items().size() - 1;
      return more == 0 ? first : first + " and " + more + " more";
    }
    return order.productName() == null ? "several products" : order.productName();
  }
}
