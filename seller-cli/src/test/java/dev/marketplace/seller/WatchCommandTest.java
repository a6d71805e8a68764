package dev.marketplace.seller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.app.testing.DroppableProxy;
import dev.marketplace.client.MarketplaceClient;
import dev.marketplace.client.ServerUrl;
import dev.marketplace.client.auth.Role;
import dev.marketplace.client.model.Order;
import org.junit.jupiter.api.Test;

/** {@code orders watch}: live orders, through a dropped connection, without losing a change. */
class WatchCommandTest extends CliTest {

  @Test
  void printsEachNewOrderAndChangeAndResumesAfterADroppedConnection() throws Exception {
    User seller = seller("Watch Shop");
    long kettle = seller.addProduct("Kettle", "Kitchen", "35", "100");
    MarketplaceClient buyer = buyer("Live Buyer");
    try (DroppableProxy proxy = DroppableProxy.to(marketplace.httpPort())) {
      // The seller's session, for the proxy's address too.
      seller
          .store()
          .save(
              ServerUrl.normalize(proxy.url()),
              Role.SELLER,
              seller
                  .store()
                  .load(ServerUrl.normalize(marketplace.baseUrl()), Role.SELLER)
                  .orElseThrow());
      Running watch =
          seller
              .withVariable("MARKETPLACE_URL", proxy.url())
              .start("orders", "watch", "--count", "4", "-o", "wide");
      watch.err.await("Connected.", 1);

      Order order = buyer.buyerOrders().place(kettle, 1, null);
      watch.out.await("order " + order.id(), 1);
      proxy.stop();
      // While the watch is cut off, the order is paid, another one placed, the first shipped.
      buyer.payments().pay(order.id(), "tok_success", null);
      Order second = buyer.buyerOrders().place(kettle, 3, null);
      seller.run(
          "orders", "ship", Long.toString(order.id()), "--carrier", "DHL", "--tracking", "JD1");
      watch.err.await("Connection lost", 1);
      proxy.start();

      Run run = watch.finished();
      assertThat(run.exit()).as(run.toString()).isZero();
      assertThat(run.out().lines().toList())
          .satisfiesExactly(
              line ->
                  assertThat(line)
                      .containsPattern(
                          "order " + order.id() + "  new +1 x Kettle  35.00  Live Buyer"),
              line -> assertThat(line).containsPattern("order " + order.id() + "  processing"),
              line ->
                  assertThat(line)
                      .containsPattern(
                          "order " + second.id() + "  new +3 x Kettle  105.00  Live Buyer"),
              line -> assertThat(line).containsPattern("order " + order.id() + "  shipped"));
      // One line when the connection dropped and one when it came back, whatever the attempts.
      assertThat(run.err().lines().filter(line -> line.startsWith("Connection lost"))).hasSize(1);
      assertThat(run.err().lines().filter(line -> line.matches("Reconnected after \\d+ s\\.")))
          .hasSize(1);
      assertThat(run.err()).contains("Connected.\n");
      // -o wide starts each line with its event id, for --after.
      assertThat(run.out().lines()).allMatch(line -> line.matches("\\d+  .*"));
    }
  }

  @Test
  void jsonPrintsOneEventPerLineAndNoSessionExitsWithThree() throws Exception {
    User seller = seller("Json Watch Shop");
    long mug = seller.addProduct("Mug", "Kitchen", "4", "10");
    MarketplaceClient buyer = buyer("Json Buyer");
    Running watch = seller.start("orders", "watch", "--count", "1", "-o", "json");
    watch.err.await("Connected.", 1);

    Order order = buyer.buyerOrders().place(mug, 1, null);

    Run run = watch.finished();
    assertThat(run.out().lines().toList())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("{\"id\":")
                    .contains("\"order_id\":" + order.id())
                    .contains("\"status\":\"pending\""));
    Run nobody = newUser().run("orders", "watch");
    assertThat(nobody.exit()).isEqualTo(3);
    assertThat(nobody.err()).contains("marketplace-seller login");
  }
}
