package dev.marketplace.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderStatusMachineTest {

  private final OrderStatusMachine machine = new OrderStatusMachine();

  @Test
  void aPendingOrderCanBeCompleted() {
    assertThat(machine.allows(OrderStatus.PENDING, OrderStatus.COMPLETED)).isTrue();
    assertThat(machine.sourcesOf(OrderStatus.COMPLETED)).isEqualTo(Set.of(OrderStatus.PENDING));
  }

  @Test
  void everyOtherMoveIsRefused() {
    for (OrderStatus from : OrderStatus.values()) {
      for (OrderStatus to : OrderStatus.values()) {
        boolean expected = from == OrderStatus.PENDING && to == OrderStatus.COMPLETED;
        assertThat(machine.allows(from, to)).as("%s -> %s", from, to).isEqualTo(expected);
      }
    }
  }
}
