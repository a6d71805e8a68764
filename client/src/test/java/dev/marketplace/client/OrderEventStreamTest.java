package dev.marketplace.client;

import static dev.marketplace.client.testing.TestProducts.product;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.app.testing.DroppableProxy;
import dev.marketplace.client.auth.CredentialStore;
import dev.marketplace.client.auth.Role;
import dev.marketplace.client.failure.MarketplaceException;
import dev.marketplace.client.failure.NotSignedInException;
import dev.marketplace.client.model.Order;
import dev.marketplace.client.model.OrderEvent;
import dev.marketplace.client.model.OrderStatus;
import dev.marketplace.client.model.Product;
import dev.marketplace.client.stream.OrderEventListener;
import dev.marketplace.client.stream.OrderEventStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Following the live order streams, through dropped connections and a server that goes away. */
class OrderEventStreamTest extends ClientTest {

  private static MarketplaceClient seller;
  private static CredentialStore sellerStore;
  private static Product kettle;

  @BeforeAll
  static void shop() {
    sellerStore = newStore();
    seller = signedIn(Role.SELLER, "Kettle Shop", sellerStore);
    kettle = product(seller, "Kettle", "Kitchen", "35.00", 100);
  }

  @Test
  void aSellerSeesNewOrdersAndTheirChangesAsTheyHappen() throws Exception {
    MarketplaceClient buyer = signedIn(Role.BUYER, "Live Buyer");
    Recorder seen = new Recorder();
    try (OrderEventStream stream = seller.followOrders(null, seen)) {
      seen.awaitConnected();
      Order order = buyer.buyerOrders().place(kettle.id(), 1, null);
      buyer.payments().pay(order.id(), "tok_success", null);

      assertThat(seen.next()).satisfies(e -> assertThat(e.status()).isEqualTo(OrderStatus.PENDING));
      OrderEvent paid = seen.next();
      assertThat(paid.status()).isEqualTo(OrderStatus.PROCESSING);
      assertThat(paid.orderId()).isEqualTo(order.id());
      assertThat(stream.lastEventId()).isEqualTo(paid.id());
    }
    assertThat(seen.closedWith).isNull();
  }

  @Test
  void afterADroppedConnectionItResumesWithoutLosingOrRepeatingAnEvent() throws Exception {
    MarketplaceClient buyer = signedIn(Role.BUYER, "Resuming Buyer");
    try (DroppableProxy proxy = DroppableProxy.to(marketplace.httpPort())) {
      MarketplaceClient throughProxy = sellerThrough(proxy);
      Recorder seen = new Recorder();
      try (OrderEventStream stream = throughProxy.followOrders(null, seen)) {
        seen.awaitConnected();
        Order first = buyer.buyerOrders().place(kettle.id(), 1, null);
        assertThat(seen.next().orderId()).isEqualTo(first.id());

        proxy.stop();
        // While the stream is down, the order moves on and another is placed.
        buyer.payments().pay(first.id(), "tok_success", null);
        Order second = buyer.buyerOrders().place(kettle.id(), 2, null);
        assertThat(seen.awaitReconnecting()).isNotNull();
        proxy.start();
        seen.awaitConnected();

        OrderEvent missedPayment = seen.next();
        OrderEvent missedOrder = seen.next();
        assertThat(missedPayment.orderId()).isEqualTo(first.id());
        assertThat(missedPayment.status()).isEqualTo(OrderStatus.PROCESSING);
        assertThat(missedOrder.orderId()).isEqualTo(second.id());

        proxy.dropConnections();
        seller.sellerOrders().ship(first.id(), "DHL", "JD1", null);
        OrderEvent shipped = seen.next();
        assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(seen.events.poll(1500, TimeUnit.MILLISECONDS)).isNull();
        assertThat(seen.ids).doesNotHaveDuplicates().isSorted();
        assertThat(stream.lastEventId()).isEqualTo(shipped.id());
      }
    }
  }

  @Test
  void aDropBeforeTheFirstEventLosesNothingEither() throws Exception {
    MarketplaceClient buyer = signedIn(Role.BUYER, "Early Buyer");
    try (DroppableProxy proxy = DroppableProxy.to(marketplace.httpPort())) {
      MarketplaceClient throughProxy = sellerThrough(proxy);
      Recorder seen = new Recorder();
      try (OrderEventStream stream = throughProxy.followOrders(null, seen)) {
        seen.awaitConnected();
        // A new stream starts with the newest event's id, before any event of its own.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (stream.lastEventId() == null && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(stream.lastEventId()).isNotNull();

        proxy.stop();
        Order placedWhileAway = buyer.buyerOrders().place(kettle.id(), 1, null);
        assertThat(seen.awaitReconnecting()).isNotNull();
        proxy.start();

        assertThat(seen.next().orderId()).isEqualTo(placedWhileAway.id());
      }
    }
  }

  @Test
  void aSilentConnectionIsTakenForDeadAndReplaced() throws Exception {
    // The test server's heartbeat comes every second; half a second of silence is "dead" here, so
    // the stream reconnects over and over, and still delivers every event once.
    MarketplaceClient impatient =
        MarketplaceClient.builder(seller.server())
            .role(Role.SELLER)
            .credentials(sellerStore)
            .streamIdleTimeout(Duration.ofMillis(500))
            .build();
    MarketplaceClient buyer = signedIn(Role.BUYER, "Quiet Buyer");
    Recorder seen = new Recorder();
    try (OrderEventStream stream = impatient.followOrders(null, seen)) {
      seen.awaitConnected();
      Order first = buyer.buyerOrders().place(kettle.id(), 1, null);
      assertThat(seen.next().orderId()).isEqualTo(first.id());
      assertThat(seen.awaitReconnecting()).isNotNull();
      Order second = buyer.buyerOrders().place(kettle.id(), 1, null);
      assertThat(seen.next().orderId()).isEqualTo(second.id());
      assertThat(seen.events.poll(1500, TimeUnit.MILLISECONDS)).isNull();
      assertThat(seen.ids).doesNotHaveDuplicates();
    }
  }

  @Test
  void aSessionThatHasEndedEndsTheStreamForGood() throws Exception {
    CredentialStore store = newStore();
    MarketplaceClient leaving = signedIn(Role.SELLER, "Leaving", store);
    dev.marketplace.client.auth.Session session = leaving.accounts().session().orElseThrow();
    CredentialStore copy = newStore();
    copy.save(
        leaving.server(),
        Role.SELLER,
        session.withTokens(
            session.accessToken(),
            session.refreshToken(),
            java.time.Instant.now().minusSeconds(1)));
    leaving.accounts().logout();
    Recorder seen = new Recorder();

    OrderEventStream stream = client(Role.SELLER, copy).followOrders(null, seen);
    stream.await();

    assertThat(seen.closedWith).isInstanceOf(NotSignedInException.class);
    assertThat(seen.connections).isEmpty();
  }

  /** The seller, signed in as before, with a client whose requests pass through {@code proxy}. */
  private static MarketplaceClient sellerThrough(DroppableProxy proxy) {
    CredentialStore store = newStore();
    MarketplaceClient throughProxy = client(Role.SELLER, store, proxy.url());
    store.save(throughProxy.server(), Role.SELLER, seller.accounts().session().orElseThrow());
    return throughProxy;
  }

  /** Keeps what a stream reports, for the test to wait on. */
  static final class Recorder implements OrderEventListener {
    final BlockingQueue<OrderEvent> events = new LinkedBlockingQueue<>();
    final List<Long> ids = new ArrayList<>();
    final BlockingQueue<String> connections = new LinkedBlockingQueue<>();
    final BlockingQueue<MarketplaceException> reconnects = new LinkedBlockingQueue<>();
    volatile MarketplaceException closedWith;

    @Override
    public void onEvent(OrderEvent event) {
      ids.add(event.id());
      events.add(event);
    }

    @Override
    public void onConnected() {
      connections.add("connected");
    }

    @Override
    public void onReconnecting(MarketplaceException cause, Duration retryIn) {
      reconnects.add(cause);
    }

    @Override
    public void onClosed(MarketplaceException failure) {
      closedWith = failure;
    }

    OrderEvent next() throws InterruptedException {
      OrderEvent event = events.poll(20, TimeUnit.SECONDS);
      assertThat(event).as("an event within 20 s").isNotNull();
      return event;
    }

    void awaitConnected() throws InterruptedException {
      assertThat(connections.poll(20, TimeUnit.SECONDS)).as("connected within 20 s").isNotNull();
    }

    MarketplaceException awaitReconnecting() throws InterruptedException {
      return reconnects.poll(20, TimeUnit.SECONDS);
    }
  }
}
