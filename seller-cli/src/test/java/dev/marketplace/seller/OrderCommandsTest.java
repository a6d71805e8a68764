package dev.marketplace.seller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.client.MarketplaceClient;
import dev.marketplace.client.model.CartLine;
import dev.marketplace.client.model.Order;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A seller fulfils orders from the command line: list, show, ship, track, deliver, complete. */
class OrderCommandsTest extends CliTest {

  @Test
  void theListNamesEveryLineOfACartOrder() throws Exception {
    User seller = seller("Cart Shop");
    long headphones = seller.addProduct("Wireless Headphones", "Electronics", "79.99", "10");
    long lamp = seller.addProduct("Desk Lamp", "Home", "24.50", "10");
    MarketplaceClient buyer = buyer("Ada Buyer");
    buyer
        .buyerOrders()
        .checkout(
            List.of(new CartLine(headphones, 2), new CartLine(lamp, 1)),
            UUID.randomUUID().toString());

    Run list = seller.run("orders", "list");

    assertThat(list.out())
        .containsPattern("Ada Buyer +2 x Wireless Headphones, 1 x Desk Lamp +184.48 +pending");
  }

  @Test
  void aPaidOrderIsShippedTrackedDeliveredAndCompleted() throws Exception {
    User seller = seller("Ship Shop");
    long lamp = seller.addProduct("Desk Lamp", "Home", "24.50", "10");
    MarketplaceClient buyer = buyer("Ada Buyer");
    Order order = buyer.buyerOrders().place(lamp, 2, UUID.randomUUID().toString());
    buyer.payments().pay(order.id(), "tok_success", UUID.randomUUID().toString());
    String id = Long.toString(order.id());

    Run list = seller.run("orders", "list");
    Run ship =
        seller.run(
            "orders",
            "ship",
            id,
            "--carrier",
            "DHL",
            "--tracking",
            "JD0146",
            "--location",
            "Berlin hub");
    Run event = seller.run("orders", "event", id, "--location", "Leipzig", "--notes", "In transit");
    Run deliver = seller.run("orders", "deliver", id, "--location", "Front door");
    Run complete = seller.run("orders", "complete", id);
    Run show = seller.run("orders", "show", id);
    Run json = seller.run("orders", "show", id, "-o", "json");
    Run csv = seller.run("orders", "list", "--status", "completed", "-o", "csv");

    assertThat(list.out())
        .containsPattern(id + " .* Ada Buyer +2 x Desk Lamp +49.00 +processing +captured");
    assertThat(ship.out()).isEqualTo("Order " + id + " shipped with DHL JD0146.\n");
    assertThat(event.out()).isEqualTo("Order " + id + ": Leipzig noted.\n");
    assertThat(deliver.out()).isEqualTo("Order " + id + " delivered.\n");
    assertThat(complete.out()).isEqualTo("Order " + id + " completed.\n");
    assertThat(show.out())
        .contains("Status     completed")
        .contains("Shipping   DHL JD0146")
        .containsPattern("Desk Lamp +2 +24.50 +49.00")
        .containsPattern("shipped +status +Berlin hub")
        .containsPattern("shipped +shipping +Leipzig +In transit +seller")
        .containsPattern("delivered +status +Front door");
    assertThat(json.out()).contains("\"timeline\" : [").contains("\"total_price\" : 49.00");
    assertThat(csv.out().lines().toList())
        .containsExactly(
            "id,created_at,buyer_name,items,total_price,status,payment_status,tracking",
            id
                + ","
                + order.createdAt()
                + ",Ada Buyer,2 x Desk Lamp,49.00,completed,captured,DHL JD0146");
  }

  @Test
  void cancellingAndTheMovesThatAreRefused() throws Exception {
    User seller = seller("Refusing Shop");
    User other = seller("Other Shop");
    long mug = seller.addProduct("Mug", "Kitchen", "4", "10");
    MarketplaceClient buyer = buyer("Bo Buyer");
    String unpaid = Long.toString(buyer.buyerOrders().place(mug, 1, null).id());

    Run early = seller.run("orders", "ship", unpaid, "--carrier", "UPS", "--tracking", "1Z");
    Run foreign = other.run("orders", "cancel", unpaid, "--reason", "Mine now");
    Run unknown = seller.run("orders", "show", "987654321");
    Run noReason = seller.run("orders", "cancel", unpaid);
    Run cancelled = seller.run("orders", "cancel", unpaid, "--reason", "Out of stock");
    Run twice = seller.run("orders", "cancel", unpaid, "--reason", "Again");
    Run since = seller.run("orders", "list", "--since", "2999-01-01");
    Run badSince = seller.run("orders", "list", "--since", "yesterday");

    assertThat(early.exit()).isEqualTo(1);
    assertThat(early.err())
        .startsWith("marketplace-seller: ")
        .contains("is pending and cannot become shipped");
    assertThat(foreign.exit()).isEqualTo(1);
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(noReason.exit()).isEqualTo(2);
    assertThat(cancelled.out()).isEqualTo("Order " + unpaid + " cancelled.\n");
    assertThat(twice.exit()).isEqualTo(1);
    assertThat(since.out()).isEqualTo("No orders found.\n");
    assertThat(badSince.exit()).isEqualTo(2);
    assertThat(seller.run("orders", "list", "--since", "2000-01-01", "-o", "csv").out())
        .contains(unpaid + ",");
  }
}
