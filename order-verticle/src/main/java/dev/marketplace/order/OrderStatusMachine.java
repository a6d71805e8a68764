package dev.marketplace.order;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which status an order may move to from which, and who may move it. Every move not listed here is
 * refused.
 *
 * <pre>
 * pending --(payment captured: system)--> processing --(seller)--> shipped --(seller)--> delivered
 *   --(seller)--> completed
 * pending, processing --(buyer, seller, or system for unpaid orders)--> cancelled
 * </pre>
 */
public final class OrderStatusMachine {

  private final Map<Actor, Map<OrderStatus, Set<OrderStatus>>> moves = new EnumMap<>(Actor.class);

  public OrderStatusMachine() {
    for (Actor actor : Actor.values()) {
      Map<OrderStatus, Set<OrderStatus>> byStatus = new EnumMap<>(OrderStatus.class);
      for (OrderStatus status : OrderStatus.values()) {
        byStatus.put(status, EnumSet.noneOf(OrderStatus.class));
      }
      moves.put(actor, byStatus);
    }
    allow(Actor.SYSTEM, OrderStatus.PENDING, OrderStatus.PROCESSING);
    allow(Actor.SYSTEM, OrderStatus.PENDING, OrderStatus.CANCELLED);
    allow(Actor.SELLER, OrderStatus.PROCESSING, OrderStatus.SHIPPED);
    allow(Actor.SELLER, OrderStatus.SHIPPED, OrderStatus.DELIVERED);
    allow(Actor.SELLER, OrderStatus.DELIVERED, OrderStatus.COMPLETED);
    for (Actor person : new Actor[] {Actor.BUYER, Actor.SELLER}) {
      allow(person, OrderStatus.PENDING, OrderStatus.CANCELLED);
      allow(person, OrderStatus.PROCESSING, OrderStatus.CANCELLED);
    }
  }

  public boolean allows(Actor actor, OrderStatus from, OrderStatus to) {
    return moves.get(actor).get(from).contains(to);
  }

  /** The statuses from which {@code actor} may move an order to {@code to}. */
  public Set<OrderStatus> sourcesOf(Actor actor, OrderStatus to) {
    Set<OrderStatus> sources = EnumSet.noneOf(OrderStatus.class);
    moves
        .get(actor)
        .forEach(
            (from, targets) -> {
              if (targets.contains(to)) {
                sources.add(from);
              }
            });
    return sources;
  }

  private void allow(Actor actor, OrderStatus from, OrderStatus to) {
    moves.get(actor).get(from).add(to);
  }
}
