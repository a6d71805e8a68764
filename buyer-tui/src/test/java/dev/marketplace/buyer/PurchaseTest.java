package dev.marketplace.buyer;

import static dev.marketplace.client.testing.TestAccounts.PASSWORD;
import static dev.marketplace.client.testing.TestAccounts.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyType;
import dev.marketplace.app.testing.DroppableProxy;
import dev.marketplace.client.MarketplaceClient;
import dev.marketplace.client.ServerUrl;
import dev.marketplace.client.auth.CredentialStore;
import dev.marketplace.client.auth.Role;
import dev.marketplace.client.http.Exchange;
import dev.marketplace.client.model.Order;
import dev.marketplace.client.model.OrderStatus;
import dev.marketplace.client.testing.TestAccounts;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A new buyer's whole purchase: cart from two sellers, sign-up, checkout, paying, live updates. */
class PurchaseTest extends TuiTest {

  @Test
  void aNewBuyerBuysFromTwoSellersPaysAndWatchesTheOrderShip() throws Exception {
    MarketplaceClient buyer = newBuyer(marketplace.baseUrl());
    String email = uniqueEmail("Ada");
    try (Driver tui = Driver.start(buyer)) {
      // Two of the headphones from their page, one lamp straight from the list.
      tui.await("Desk Lamp");
      tui.type("/hedphones").press(KeyType.Enter).awaitGone("Desk Lamp");
      tui.await("Wireless Headphones");
      tui.press(KeyType.Enter).await("Wireless Headphones, as sold in tests.");
      tui.await("Stock 12 left");
      tui.type("a").await("How many Wireless Headphones?");
      tui.press(KeyType.Backspace)
          .type("2")
          .press(KeyType.Enter)
          .await("Added 2 × Wireless Headphones");
      tui.type("q").press(KeyType.Escape).await("Desk Lamp");
      tui.await("Ceramic Mug");
      selectRow(tui, "Desk Lamp");
      tui.type("a").await("How many Desk Lamp?");
      tui.press(KeyType.Enter).await("Added 1 × Desk Lamp");

      String cart = tui.type("c").await("Marketplace › Cart");
      assertThat(tui.row(tui.rowOf("Wireless Headphones")))
          .contains("Gadget Hut")
          .contains("159.98");
      assertThat(tui.row(tui.rowOf("Desk Lamp"))).contains("Home Goods").contains("34.90");
      assertThat(cart).contains("Total 194.88").contains("3 items from 2 sellers");

      // Checking out needs an account: register one on the way.
      tui.press(KeyType.Enter).await("Sign in to go on");
      tui.type("r").await("Register");
      tui.type("Ada Lovelace").press(KeyType.Tab).type(email).press(KeyType.Tab).type(PASSWORD);
      tui.press(KeyType.Enter).await("Place 2 orders (one per seller) for 194.88?");
      assertThat(tui.screen()).contains("Ada Lovelace");
      tui.press(KeyType.Enter).await("Orders to pay");
      assertThat(tui.screen()).contains("To pay: 194.88").contains("cart 0");

      // A declined card first: the gateway's answer shows, and nothing is paid.
      tui.press(KeyType.ArrowDown).press(KeyType.Enter);
      tui.awaitScreen(screen -> screen.split("→ declined", -1).length == 3, "two declines");
      List<Order> placed = buyer.buyerOrders().list(null, null, 10).items();
      assertThat(placed).hasSize(2).allSatisfy(order -> assertThat(order.paid()).isFalse());

      tui.press(KeyType.ArrowUp).press(KeyType.Enter).await("To pay: 0.00");
      String paid = tui.await("All paid.");
      assertThat(paid.split("captured, transaction pay_", -1)).hasSize(3);
      assertThat(paid)
          .as("one line for both orders")
          .containsPattern("Orders #\\d+ and #\\d+ are paid\\.");
      assertThat(buyer.buyerOrders().list(null, null, 10).items())
          .extracting(Order::status)
          .containsOnly(OrderStatus.PROCESSING);

      // The orders, live: the seller ships and the row changes where it stands, highlighted.
      tui.type("o").await("My orders");
      Order headphonesOrder =
          placed.stream()
              .filter(o -> o.sellerId() == headphones.sellerId())
              .findFirst()
              .orElseThrow();
      tui.await("processing");
      tui.await("● live");
      gadgetHut.sellerOrders().ship(headphonesOrder.id(), "DHL", "JD0146000062", "Berlin hub");
      tui.awaitScreen(
          screen -> tui.row(tui.rowOf("#" + headphonesOrder.id() + " ")).contains("shipped"),
          "the order shipped");
      int row = tui.rowOf("#" + headphonesOrder.id() + " ");
      assertThat(tui.row(row)).contains("●");

      // Its detail follows too: a new location appears in the timeline as it happens.
      selectRow(tui, "#" + headphonesOrder.id() + " ");
      tui.press(KeyType.Enter).await("Shipped with DHL · tracking number JD0146000062");
      assertThat(tui.screen()).contains("Berlin hub").contains("Payment captured");
      gadgetHut
          .sellerOrders()
          .addEvent(headphonesOrder.id(), "Leipzig sorting centre", "In transit");
      tui.await("Leipzig sorting centre · In transit");
      int fresh = tui.rowOf("Leipzig sorting centre");
      assertThat(tui.cell(1, fresh).getBackgroundColor()).isEqualTo(TextColor.ANSI.YELLOW_BRIGHT);
      gadgetHut.sellerOrders().deliver(headphonesOrder.id(), "Front door", null);
      tui.await("Order #" + headphonesOrder.id() + " · delivered");
    }
  }

  @Test
  void aCheckoutTriedAgainAfterANetworkErrorSendsTheSameKey() throws Exception {
    List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    try (DroppableProxy proxy = DroppableProxy.to(marketplace.httpPort())) {
      CredentialStore store =
          CredentialStore.at(Files.createTempDirectory(configHome, "retry").resolve("c.json"));
      MarketplaceClient buyer =
          MarketplaceClient.builder(ServerUrl.normalize(proxy.url()))
              .role(Role.BUYER)
              .credentials(store)
              .exchangeListener(exchanges::add)
              .build();
      TestAccounts.signUp(buyer, "Retrying Buyer");
      try (Driver tui = Driver.start(buyer)) {
        tui.await("Ceramic Mug");
        selectRow(tui, "Ceramic Mug");
        tui.type("a").await("How many Ceramic Mug?");
        tui.press(KeyType.Enter).await("Added 1 × Ceramic Mug to the cart (1 item, 9.50)");
        tui.type("c").await("Total 9.50");

        proxy.stop();
        tui.press(KeyType.Enter).await("Place 1 order for 9.50?");
        tui.press(KeyType.Enter).await("it cannot order twice");
        proxy.start();
        tui.press(KeyType.Enter).await("Place 1 order for 9.50?");
        tui.press(KeyType.Enter).await("Orders to pay");
      }
      List<String> keys =
          exchanges.stream()
              .filter(
                  e ->
                      e.method().equals("POST") && e.uri().getPath().equals("/api/buyers/checkout"))
              .map(e -> e.requestHeaders().get("Idempotency-Key").get(0))
              .toList();
      assertThat(keys).hasSizeGreaterThanOrEqualTo(2);
      assertThat(keys).containsOnly(keys.get(0));
      assertThat(buyer.buyerOrders().list(null, null, 10).items()).hasSize(1);
    }
  }

  /** Moves the cursor of the list in focus onto the row showing {@code text}. */
  static void selectRow(Driver tui, String text) {
    tui.await(text);
    tui.press(KeyType.Home);
    int first = tui.rowOf(text);
    int top = firstListRow(tui);
    tui.press(KeyType.ArrowDown, first - top);
  }

  private static int firstListRow(Driver tui) {
    // Lists start under their heading row: the catalog's products and my orders alike.
    int heading = Math.max(tui.rowOf("Product "), tui.rowOf("Order  Placed"));
    return heading + 1;
  }
}
