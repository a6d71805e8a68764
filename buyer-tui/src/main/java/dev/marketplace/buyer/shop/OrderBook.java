package dev.marketplace.buyer.shop;

import dev.marketplace.client.model.Order;
import dev.marketplace.client.model.OrderEvent;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The buyer's orders as last seen, whichever way they arrived (a list, a detail, a live event), and
 * which of them changed a moment ago. Answers that cross on the network cannot make an order go
 * back in time: an order is replaced only by one at least as recent.
 */
public final class OrderBook {

  /** How long a change stays highlighted. */
  public static final Duration HIGHLIGHT = Duration.ofSeconds(4);

  private final Map<Long, Order> orders = new HashMap<>();
  private final Map<Long, Order> details = new HashMap<>();
  private final Map<Long, Long> changedAt = new HashMap<>();
  private final Map<Long, Long> eventSeenAt = new HashMap<>();
  private final Map<Long, String> sellerNames = new HashMap<>();

  /**
   * Keeps an order (from a list or a detail) unless a more recent one is known, and its seller's
   * name when it comes with one (only the list has them).
   */
  public Order remember(Order order) {
    if (order.sellerName() != null) {
      sellerNames.put(order.sellerId(), order.sellerName());
    }
    Order known = orders.get(order.id());
    if (known == null || !order.updatedAt().isBefore(known.updatedAt())) {
      orders.put(order.id(), order);
      known = order;
    }
    if (order.timeline() != null) {
      Order detail = details.get(order.id());
      if (detail == null || !order.updatedAt().isBefore(detail.updatedAt())) {
        details.put(order.id(), order);
      }
    }
    return known;
  }

  /** A live event arrived: the order is marked as just changed (its new state is fetched). */
  public void changed(OrderEvent event) {
    long now = System.nanoTime();
    changedAt.put(event.orderId(), now);
    eventSeenAt.put(event.id(), now);
  }

  public Optional<Order> order(long id) {
    return Optional.ofNullable(orders.get(id));
  }

  /** The name of a seller, if an order of theirs came with it. */
  public Optional<String> sellerName(long sellerId) {
    return Optional.ofNullable(sellerNames.get(sellerId));
  }

  /** The order with its lines and timeline, if it has been fetched. */
  public Optional<Order> detail(long id) {
    return Optional.ofNullable(details.get(id));
  }

  /**
   * Ids of known orders newer than {@code id}, newest first (orders placed since a list loaded).
   */
  public List<Long> newerThan(long id) {
    return orders.keySet().stream()
        .filter(known -> known > id)
        .sorted(Comparator.reverseOrder())
        .toList();
  }

  /** The order changed within the highlight time. */
  public boolean justChanged(long orderId) {
    return recent(changedAt.get(orderId));
  }

  /** The event arrived live within the highlight time. */
  public boolean justArrived(long eventId) {
    return recent(eventSeenAt.get(eventId));
  }

  public void forget() {
    orders.clear();
    details.clear();
    changedAt.clear();
    eventSeenAt.clear();
    sellerNames.clear();
  }

  private static boolean recent(Long at) {
    return at != null && System.nanoTime() - at < HIGHLIGHT.toNanos();
  }
}
