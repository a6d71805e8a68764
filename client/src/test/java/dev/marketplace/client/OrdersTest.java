package dev.marketplace.client;

import static dev.marketplace.client.testing.TestProducts.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.client.auth.Role;
import dev.marketplace.client.failure.ApiException;
import dev.marketplace.client.model.CartLine;
import dev.marketplace.client.model.Checkout;
import dev.marketplace.client.model.Order;
import dev.marketplace.client.model.OrderEvent;
import dev.marketplace.client.model.OrderEventKind;
import dev.marketplace.client.model.OrderStatus;
import dev.marketplace.client.model.Payment;
import dev.marketplace.client.model.Product;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A purchase from cart to completion, and the refusals on the way. */
class OrdersTest extends ClientTest {

  private static MarketplaceClient seller;
  private static MarketplaceClient otherSeller;
  private static Product lamp;
  private static Product chair;

  @BeforeAll
  static void shops() {
    seller = signedIn(Role.SELLER, "Lamp Shop");
    otherSeller = signedIn(Role.SELLER, "Chair Shop");
    lamp = product(seller, "Desk Lamp", "Home", "24.50", 10);
    chair = product(otherSeller, "Chair", "Home", "80.00", 4);
  }

  @Test
  void aCartOfTwoSellersIsPaidShippedTrackedDeliveredAndCompleted() {
    MarketplaceClient buyer = signedIn(Role.BUYER, "Cart Buyer");
    String key = UUID.randomUUID().toString();
    List<CartLine> cart = List.of(new CartLine(lamp.id(), 2), new CartLine(chair.id(), 1));

    Checkout checkout = buyer.buyerOrders().checkout(cart, key);
    Checkout retried = buyer.buyerOrders().checkout(cart, key);

    assertThat(checkout.orders()).hasSize(2);
    assertThat(checkout.totalPrice()).isEqualByComparingTo("129.00");
    assertThat(retried.checkoutId()).isEqualTo(checkout.checkoutId());
    Order lampOrder =
        checkout.orders().stream()
            .filter(o -> o.sellerId() == lamp.sellerId())
            .findFirst()
            .orElseThrow();
    assertThat(lampOrder.items())
        .singleElement()
        .satisfies(item -> assertThat(item.quantity()).isEqualTo(2));

    Payment payment =
        buyer.payments().pay(lampOrder.id(), "tok_success", UUID.randomUUID().toString());
    assertThat(payment.captured()).isTrue();
    assertThat(payment.amount()).isEqualByComparingTo("49.00");
    assertThat(buyer.payments().list(lampOrder.id()))
        .extracting(Payment::id)
        .containsExactly(payment.id());

    Order shipped = seller.sellerOrders().ship(lampOrder.id(), "DHL", "JD0146", "Berlin hub");
    OrderEvent moved = seller.sellerOrders().addEvent(lampOrder.id(), "Leipzig", "In transit");
    Order delivered = seller.sellerOrders().deliver(lampOrder.id(), "Front door", null);
    Order completed = seller.sellerOrders().complete(lampOrder.id());

    assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
    assertThat(shipped.trackingNumber()).isEqualTo("JD0146");
    assertThat(moved.kind()).isEqualTo(OrderEventKind.SHIPPING);
    assertThat(delivered.status()).isEqualTo(OrderStatus.DELIVERED);
    assertThat(completed.status()).isEqualTo(OrderStatus.COMPLETED);
    Order detail = buyer.buyerOrders().get(lampOrder.id());
    assertThat(detail.timeline())
        .extracting(OrderEvent::status, OrderEvent::location)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(OrderStatus.PENDING, null),
            org.assertj.core.groups.Tuple.tuple(OrderStatus.PROCESSING, null),
            org.assertj.core.groups.Tuple.tuple(OrderStatus.SHIPPED, "Berlin hub"),
            org.assertj.core.groups.Tuple.tuple(OrderStatus.SHIPPED, "Leipzig"),
            org.assertj.core.groups.Tuple.tuple(OrderStatus.DELIVERED, "Front door"),
            org.assertj.core.groups.Tuple.tuple(OrderStatus.COMPLETED, null));
    assertThat(seller.sellerOrders().get(lampOrder.id()).paid()).isTrue();
    assertThat(buyer.buyerOrders().list(OrderStatus.COMPLETED, null, 10).items())
        .extracting(Order::id)
        .containsExactly(lampOrder.id());
    assertThat(seller.sellerOrders().list(null, null, 50).items())
        .extracting(Order::id)
        .contains(lampOrder.id());
  }

  @Test
  void aDeclinedCardIsRefusedWithTheReasonAndTheOrderStaysPending() {
    MarketplaceClient buyer = signedIn(Role.BUYER, "Declined Buyer");
    Order order = buyer.buyerOrders().place(lamp.id(), 1, null);

    assertThatThrownBy(() -> buyer.payments().pay(order.id(), "tok_insufficient_funds", null))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(402);
              assertThat(e.error()).isEqualTo("payment_failed");
              assertThat(e.getMessage()).contains("insufficient funds");
            });
    Order after = buyer.buyerOrders().get(order.id());
    assertThat(after.status()).isEqualTo(OrderStatus.PENDING);
    assertThat(after.paymentFailure()).contains("insufficient funds");
  }

  @Test
  void cancellingAndTheMovesThatAreNotAllowed() {
    MarketplaceClient buyer = signedIn(Role.BUYER, "Cancelling Buyer");
    Order mine = buyer.buyerOrders().place(lamp.id(), 1, UUID.randomUUID().toString());
    Order sellers = buyer.buyerOrders().place(lamp.id(), 1, UUID.randomUUID().toString());

    assertThat(buyer.buyerOrders().cancel(mine.id(), "Wrong size").status())
        .isEqualTo(OrderStatus.CANCELLED);
    assertThat(seller.sellerOrders().cancel(sellers.id(), "Out of stock").cancelReason())
        .isEqualTo("Out of stock");
    assertThatThrownBy(() -> seller.sellerOrders().complete(mine.id()))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.error()).isEqualTo("invalid_transition"));
    assertThatThrownBy(() -> otherSeller.sellerOrders().ship(sellers.id(), "UPS", "1Z", null))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
    assertThatThrownBy(() -> otherSeller.sellerOrders().get(sellers.id()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isIn(403, 404));
    assertThatThrownBy(() -> buyer.buyerOrders().place(lamp.id(), 1_000, null))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.error()).isEqualTo("insufficient_inventory"));
  }
}
