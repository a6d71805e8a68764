package dev.marketplace.order;

import static dev.marketplace.order.OrderStatus.CANCELLED;
import static dev.marketplace.order.OrderStatus.COMPLETED;
import static dev.marketplace.order.OrderStatus.DELIVERED;
import static dev.marketplace.order.OrderStatus.PENDING;
import static dev.marketplace.order.OrderStatus.PROCESSING;
import static dev.marketplace.order.OrderStatus.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderStatusMachineTest {

  /** Every legal move: actor, from, to. Everything else must be refused. */
  private static final Set<String> LEGAL =
      Set.of(
          "SYSTEM PENDING PROCESSING",
          "SYSTEM PENDING CANCELLED",
          "SELLER PROCESSING SHIPPED",
          "SELLER SHIPPED DELIVERED",
          "SELLER DELIVERED COMPLETED",
          "SELLER PENDING CANCELLED",
          "SELLER PROCESSING CANCELLED",
          "BUYER PENDING CANCELLED",
          "BUYER PROCESSING CANCELLED");

  private final OrderStatusMachine machine = new OrderStatusMachine();

  @Test
  void allowsExactlyTheLegalMoves() {
    for (Actor actor : Actor.values()) {
      for (OrderStatus from : OrderStatus.values()) {
        for (OrderStatus to : OrderStatus.values()) {
          boolean legal = LEGAL.contains(actor + " " + from + " " + to);
          assertThat(machine.allows(actor, from, to))
              .as("%s moving %s -> %s", actor, from, to)
              .isEqualTo(legal);
        }
      }
    }
  }

  @Test
  void knowsWhereEachMoveMayStart() {
    assertThat(machine.sourcesOf(Actor.BUYER, CANCELLED))
        .containsExactlyInAnyOrder(PENDING, PROCESSING);
    assertThat(machine.sourcesOf(Actor.SELLER, SHIPPED)).containsExactly(PROCESSING);
    assertThat(machine.sourcesOf(Actor.SELLER, PROCESSING)).isEmpty();
    assertThat(machine.sourcesOf(Actor.SYSTEM, PROCESSING)).containsExactly(PENDING);
    assertThat(machine.sourcesOf(Actor.BUYER, COMPLETED)).isEmpty();
    assertThat(machine.sourcesOf(Actor.SELLER, COMPLETED)).containsExactly(DELIVERED);
  }
}
