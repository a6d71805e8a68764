package dev.marketplace.buyer;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import dev.marketplace.app.testing.DroppableProxy;
import dev.marketplace.buyer.ui.Theme;
import dev.marketplace.client.MarketplaceClient;
import dev.marketplace.client.auth.Role;
import dev.marketplace.client.model.Order;
import dev.marketplace.client.model.OrderStatus;
import dev.marketplace.client.model.Product;
import dev.marketplace.client.model.Review;
import dev.marketplace.client.testing.TestProducts;
import org.junit.jupiter.api.Test;

/**
 * A signed-in buyer's orders: cancelling, reviewing, and a server that goes away and comes back.
 */
class OrderLifecycleTest extends TuiTest {

  @Test
  void cancelsAnOrderWithAReason() throws Exception {
    MarketplaceClient buyer = signedIn(Role.BUYER, "Cancelling Buyer", marketplace.baseUrl());
    Order order = buyer.buyerOrders().place(charger.id(), 2, null);
    try (Driver tui = Driver.start(buyer)) {
      openOrder(tui, order);
      tui.await("Not shipped yet");
      tui.type("x").await("Why are you cancelling?");
      tui.press(KeyType.Enter).await("Please give a reason.");
      tui.type("Ordered the wrong size").press(KeyType.Enter);
      tui.await("Order #" + order.id() + " · cancelled");
      tui.await("Cancelled: Ordered the wrong size");
      assertThat(tui.screen()).contains("cancelled · Ordered the wrong size · by buyer");

      tui.type("x").await("it can no longer be cancelled");
    }
    Order cancelled = buyer.buyerOrders().get(order.id());
    assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(cancelled.cancelReason()).isEqualTo("Ordered the wrong size");
  }

  @Test
  void aLongProductNameNeverRunsIntoTheStatusAt80Columns() throws Exception {
    Product longName =
        TestProducts.product(
            homeGoods,
            "Extra-long adjustable ergonomic standing desk converter with keyboard tray",
            "Furniture",
            "149.00",
            5);
    MarketplaceClient buyer = signedIn(Role.BUYER, "Long Name Buyer", marketplace.baseUrl());
    Order order = buyer.buyerOrders().place(longName.id(), 1, null);
    try (Driver tui = Driver.start(buyer)) {
      tui.await("Wireless Headphones");
      tui.type("o").await("#" + order.id());
      String row = tui.row(tui.rowOf("#" + order.id()));
      assertThat(row).contains("Extra-long").contains(" pending").contains("149.00");
      assertThat(row.substring(0, row.indexOf("pending")))
          .as("a blank column between what was ordered and its status")
          .endsWith(" ");
      assertThat(tui.screen()).contains("My orders  ·  1 of 1");
    }
  }

  @Test
  void myOrdersNamesEachOnesSellerWhereTheWidthAllows() throws Exception {
    MarketplaceClient buyer = signedIn(Role.BUYER, "Two Shops Buyer", marketplace.baseUrl());
    Order lampOrder = buyer.buyerOrders().place(lamp.id(), 1, null);
    Order chargerOrder = buyer.buyerOrders().place(charger.id(), 1, null);
    try (Driver tui = Driver.start(buyer, Theme.colour(), 100, 30)) {
      tui.type("o").await("#" + lampOrder.id() + " ");
      assertThat(tui.row(tui.rowOf("Placed"))).contains(" What").contains("Seller");
      assertThat(tui.row(tui.rowOf("#" + lampOrder.id() + " ")))
          .contains("Desk Lamp")
          .contains("Home Goods")
          .contains(" pending")
          .contains("34.90");
      assertThat(tui.row(tui.rowOf("#" + chargerOrder.id() + " ")))
          .contains("USB-C Charger")
          .contains("Gadget Hut");
    }
    // Narrower, what was ordered and its status keep their room and the seller is left out.
    for (int[] size : new int[][] {{80, 24}, {60, 15}}) {
      try (Driver tui = Driver.start(buyer, Theme.colour(), size[0], size[1])) {
        tui.type("o").await("#" + lampOrder.id() + " ");
        assertThat(tui.row(tui.rowOf("Placed")))
            .as("%sx%s", size[0], size[1])
            .doesNotContain("Seller");
        assertThat(tui.row(tui.rowOf("#" + lampOrder.id() + " ")))
            .as("%sx%s", size[0], size[1])
            .contains("Desk Lamp ")
            .contains(" pending")
            .doesNotContain("Home Goods");
      }
    }
  }

  @Test
  void thePayScreenShowsASlowPaymentSettling() throws Exception {
    MarketplaceClient buyer = signedIn(Role.BUYER, "Slow Card Buyer", marketplace.baseUrl());
    Order order = buyer.buyerOrders().place(mug.id(), 1, null);
    try (Driver tui = Driver.start(buyer)) {
      tui.await("● live");
      openOrder(tui, order);
      tui.type("p").await("Orders to pay");
      tui.press(
          KeyType.ArrowDown, 3); // tok_success, tok_declined, tok_insufficient_funds, tok_slow
      tui.press(KeyType.Enter).await("this updates when it settles");
      // The sandbox answers the slow card after four gateway timeouts, then its webhook captures.
      tui.await("→ captured: the gateway has settled it");
      tui.await("Order #" + order.id() + " is paid");
    }
    assertThat(buyer.buyerOrders().get(order.id()).paid()).isTrue();
  }

  @Test
  void reviewsADeliveredProduct() throws Exception {
    MarketplaceClient buyer = signedIn(Role.BUYER, "Reviewing Buyer", marketplace.baseUrl());
    Order order = buyer.buyerOrders().place(lamp.id(), 1, null);
    try (Driver tui = Driver.start(buyer)) {
      openOrder(tui, order);
      tui.type("w").await("You can review a product once its order is delivered.");

      buyer.payments().pay(order.id(), "tok_success", null);
      homeGoods.sellerOrders().ship(order.id(), "UPS", "1Z999", "Depot");
      homeGoods.sellerOrders().deliver(order.id(), "Front door", null);
      tui.await("Order #" + order.id() + " · delivered");

      tui.type("w").await("Review Desk Lamp");
      tui.type("4").press(KeyType.Tab).type("Warm light, sturdy base").press(KeyType.Enter);
      tui.await("your 4-star review of Desk Lamp is posted");
    }
    Review review = buyer.catalog().reviews(lamp.id(), null, 10).items().get(0);
    assertThat(review.rating()).isEqualTo(4);
    assertThat(review.comment()).isEqualTo("Warm light, sturdy base");

    try (Driver tui = Driver.start(newBuyer(marketplace.baseUrl()))) {
      tui.await("Desk Lamp");
      PurchaseTest.selectRow(tui, "Desk Lamp");
      tui.press(KeyType.Enter).await("Rating ★★★★☆ 4.00 · 1 review");
      assertThat(tui.screen()).contains("Warm light, sturdy base").contains("Reviewing Buyer");
      assertThat(tui.row(tui.rowOf("4★ "))).contains("█").contains(" 1");
    }
  }

  @Test
  void aServerThatGoesAwayAndComesBackLosesNoUpdate() throws Exception {
    try (DroppableProxy proxy = DroppableProxy.to(marketplace.httpPort())) {
      MarketplaceClient buyer = signedIn(Role.BUYER, "Patient Buyer", proxy.url());
      Order order = buyer.buyerOrders().place(mug.id(), 3, null);
      buyer.payments().pay(order.id(), "tok_success", null);
      try (Driver tui = Driver.start(buyer)) {
        tui.await("● live");
        tui.type("o").await("My orders");
        tui.await("processing");

        proxy.stop();
        tui.await("reconnecting...");
        tui.type("r").await("Cannot reach the marketplace");
        tui.await("Retrying in");
        // While the buyer's terminal cannot reach the server, the seller ships.
        homeGoods.sellerOrders().ship(order.id(), "DPD", "DP42", "Warehouse");

        proxy.start();
        tui.await("Connected to the marketplace again.");
        tui.await("● live");
        tui.awaitScreen(
            screen -> tui.row(tui.rowOf("#" + order.id() + " ")).contains("shipped"),
            "the order shipped");
        tui.press(KeyType.Enter).await("Shipped with DPD · tracking number DP42");
        assertThat(tui.screen()).contains("shipped · Warehouse · by seller");
      }
    }
  }

  private static void openOrder(Driver tui, Order order) {
    tui.type("o").await("My orders");
    PurchaseTest.selectRow(tui, "#" + order.id() + " ");
    tui.press(KeyType.Enter).await("Order #" + order.id() + " · ");
  }
}
