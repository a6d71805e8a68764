package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.common.bus.BusAddress;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * In one process, an order stays on the event loop that read its HTTP request: the order verticle
 * instance that places it runs on that thread, and its reply comes back on it.
 */
class SameEventLoopTest extends ApiTest {

  private static final String SENT_ON = "test-sent-on";

  /** Where a message was sent from and where it was handled: thread names. */
  private record Hop(String address, String replyAddress, String sentOn, String handledOn) {}

  private final Queue<Hop> hops = new ConcurrentLinkedQueue<>();
  private final Handler<DeliveryContext<Object>> stamp =
      delivery -> {
        delivery.message().headers().set(SENT_ON, Thread.currentThread().getName());
        delivery.next();
      };
  private final Handler<DeliveryContext<Object>> record =
      delivery -> {
        String sentOn = delivery.message().headers().get(SENT_ON);
        if (sentOn != null) {
          hops.add(
              new Hop(
                  delivery.message().address(),
                  delivery.message().replyAddress(),
                  sentOn,
                  Thread.currentThread().getName()));
        }
        delivery.next();
      };

  @AfterEach
  void stopWatching() {
    vertx.eventBus().removeOutboundInterceptor(stamp);
    vertx.eventBus().removeInboundInterceptor(record);
  }

  @Test
  void anOrderIsPlacedAndAnsweredOnTheEventLoopThatReadIt() {
    Account seller = fixtures.seller("One Loop Shop");
    long productId = fixtures.product(seller, "Kettle", "Home", "25.00", 1000).getLong("id");
    List<Account> buyers = List.of(fixtures.buyer("Loop Buyer A"), fixtures.buyer("Loop Buyer B"));
    vertx.eventBus().addOutboundInterceptor(stamp);
    vertx.eventBus().addInboundInterceptor(record);

    List<Future<ApiResponse>> answers = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      answers.add(
          buyers
              .get(i % 2)
              .api()
              .postLater(
                  "/api/buyers/orders",
                  new JsonObject().put("product_id", productId).put("quantity", 1),
                  null));
    }
    Future.all(answers).await();
    assertThat(answers).allSatisfy(answer -> assertThat(answer.result().status()).isEqualTo(201));

    String orders = BusAddress.ORDERS.value();
    List<Hop> requests =
        hops.stream()
            .filter(hop -> hop.address().equals(orders) || hop.address().startsWith(orders + "@"))
            .toList();
    assertThat(requests)
        .as("every order went to the order verticle instance on the edge's own event loop")
        .hasSize(40)
        .allSatisfy(
            hop -> {
              assertThat(hop.address()).isEqualTo(orders + "@" + hop.sentOn());
              assertThat(hop.handledOn()).isEqualTo(hop.sentOn());
            });
    List<String> replyAddresses = requests.stream().map(Hop::replyAddress).toList();
    assertThat(hops.stream().filter(hop -> replyAddresses.contains(hop.address())))
        .as("every reply came back on the loop it was sent from")
        .hasSize(40)
        .allSatisfy(hop -> assertThat(hop.handledOn()).isEqualTo(hop.sentOn()));
  }
}
