package dev.marketplace.order;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What operators chart of orders: {@code marketplace_orders_placed_total} (one per order, a
 * checkout of several sellers counting each) and {@code marketplace_unpaid_orders_expired_total},
 * both counted once the change is committed.
 */
public record OrderMeters(Counter placed, Counter unpaidExpired) {

  public static OrderMeters of(MeterRegistry registry) {
    return new OrderMeters(
        Counter.builder("marketplace.orders.placed")
            .description("Orders placed, by a single order or a checkout")
            .register(registry),
        Counter.builder("marketplace.unpaid.orders.expired")
            .description("Unpaid orders cancelled by the sweep once their hold ran out")
            .register(registry));
  }
}
