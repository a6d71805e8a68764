package dev.marketplace.order;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Which status an order may move to from which: every move not listed here is refused. */
public final class OrderStatusMachine {

  private final Map<OrderStatus, Set<OrderStatus>> next = new EnumMap<>(OrderStatus.class);

  public OrderStatusMachine() {
    for (OrderStatus status : OrderStatus.values()) {
      next.put(status, EnumSet.noneOf(OrderStatus.class));
    }
    next.get(OrderStatus.PENDING).add(OrderStatus.COMPLETED);
  }

  public boolean allows(OrderStatus from, OrderStatus to) {
    return next.get(from).contains(to);
  }

  /** The statuses from which an order may move to {@code to}. */
  public Set<OrderStatus> sourcesOf(OrderStatus to) {
    Set<OrderStatus> sources = EnumSet.noneOf(OrderStatus.class);
    next.forEach(
        (from, targets) -> {
          if (targets.contains(to)) {
            sources.add(from);
          }
        });
    return sources;
  }
}
