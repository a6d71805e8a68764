package dev.marketplace.buyer.shop;

import dev.marketplace.client.model.Order;
import dev.marketplace.client.model.OrderEvent;

/** What an order looks like right after one of its events, before it is fetched again. */
final class Orders {

  private Orders() {}

  /**
   * The order with the event's status; everything else as it was, its time too, so that the order
   * fetched next replaces it.
   */
  static Order moved(Order order, OrderEvent event) {
    if (event.createdAt() == null || event.createdAt().isBefore(order.updatedAt())) {
      return order;
    }
    return new Order(
        order.id(),
        order.buyerId(),
        order.buyerName(),
        order.sellerId(),
        order.sellerName(),
        order.productId(),
        order.productName(),
        order.quantity(),
        order.unitPrice(),
        order.totalPrice(),
        order.checkoutId(),
        event.status() == null ? order.status() : event.status(),
        order.paymentStatus(),
        order.paid(),
        order.paymentFailure(),
        order.paidAt(),
        order.carrier(),
        order.trackingNumber(),
        order.cancelReason(),
        order.createdAt(),
        order.updatedAt(),
        order.items(),
        order.timeline());
  }
}
