// Over 300 lines: every test here shares one three-node cluster, which a split would start twice.
package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.common.bus.ApiOperation;
import dev.marketplace.common.bus.BusAddress;
import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.InternalAction;
import dev.marketplace.common.testing.LoopbackPorts;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The marketplace split over three clustered Vert.x nodes on loopback, as an operator would run it:
 * node 1 the api, node 2 account and catalog, node 3 order, payment and the sandbox gateway.
 * Requests, replies and live events all cross the clustered event bus.
 */
class ClusterTest {

  private static TestCluster cluster;
  private static MarketplaceNode apiNode;
  private static MarketplaceNode catalogNode;
  private static MarketplaceNode orderNode;
  private static ApiClient api;
  private static Fixtures fixtures;

  @BeforeAll
  static void startTheCluster() throws Exception {
    cluster = TestCluster.create();
    catalogNode = cluster.start("account,catalog");
    orderNode = cluster.start("order,payment,sandbox");
    apiNode = cluster.start("api");
    api = ApiClient.connect(cluster.clients, cluster.httpPort);
    // Internal actions (the sweeps' work) are sent from the api node, across the cluster.
    fixtures = new Fixtures(apiNode.vertx(), api);
    Eventually.until(() -> api.get("/health/ready").status() == 200, Duration.ofSeconds(30));
  }

  @AfterAll
  static void stopTheCluster() throws Exception {
    cluster.close();
  }

  @Test
  void aPurchaseWithPaymentAndItsLiveUpdatesCrossTheNodes() throws Exception {
    Account seller = fixtures.seller("Split Shop");
    long productId = fixtures.product(seller, "Clustered Kettle", "Home", "24.50", 5).getLong("id");
    Account buyer = fixtures.buyer("Split Buyer");
    assertThat(api.get("/api/buyers/products/search?q=clustered").json().getJsonArray("products"))
        .hasSize(1);

    try (EventStreamClient stream =
        EventStreamClient.open(
            cluster.clients,
            cluster.httpPort,
            "/api/buyers/" + buyer.id() + "/orders/events",
            buyer.accessToken(),
            null)) {
      assertThat(stream.nextComment()).isEqualTo("connected");
      long orderId = fixtures.order(buyer, productId, 2).getLong("id");
      JsonObject paid = fixtures.pay(buyer, orderId);

      assertThat(paid.getString("status")).isEqualTo("processing");
      assertThat(paid.getString("payment_status")).isEqualTo("captured");
      assertThat(paid.getValue("total_price").toString()).isEqualTo("49.0");
      // Published on node 3 by the order and payment verticles, streamed by node 1.
      JsonObject placed = stream.nextEvent();
      JsonObject captured = stream.nextEvent();
      assertThat(placed.getLong("order_id")).isEqualTo(orderId);
      assertThat(placed.getString("status")).isEqualTo("pending");
      assertThat(captured.getString("status")).isEqualTo("processing");
    }
    assertThat(
            cluster.database.queryLong(
                "SELECT inventory FROM product_stock WHERE product_id = " + productId))
        .isEqualTo(3);
    ApiResponse ready = api.get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().getJsonArray("no_consumer")).isEmpty();
  }

  @Test
  void aLogoutOnOneApiNodeIsHonouredAtOnceByEveryOther() throws Exception {
    int secondPort = LoopbackPorts.take();
    MarketplaceNode secondApi = cluster.start("api", secondPort);
    try {
      ApiClient second = ApiClient.connect(cluster.clients, secondPort);
      Account buyer = fixtures.buyer("Two Edges");
      String ownOrders = "/api/buyers/" + buyer.id() + "/orders";
      // Both edges have verified the token, and would serve it from their caches until exp.
      assertThat(buyer.api().get(ownOrders).status()).isEqualTo(200);
      assertThat(second.withToken(buyer.accessToken()).get(ownOrders).status()).isEqualTo(200);

      ApiResponse logout =
          api.post("/api/auth/logout", new JsonObject().put("refresh_token", buyer.refreshToken()));
      assertThat(logout.status()).isEqualTo(204);

      Eventually.until(
          () -> second.withToken(buyer.accessToken()).get(ownOrders).status() == 401,
          Duration.ofSeconds(2));
      assertThat(buyer.api().get(ownOrders).status()).isEqualTo(401);
      Account again = fixtures.logIn("buyers", buyer.email(), Fixtures.PASSWORD);
      assertThat(second.withToken(again.accessToken()).get(ownOrders).status())
          .as("a new session of the same buyer")
          .isEqualTo(200);
    } finally {
      secondApi.stop().await();
    }
  }

  /**
   * A node in a long pause is still a member until the failure detector drops it (5 s without
   * heartbeats), and its consumers are still registered: the account/catalog node's event loops are
   * held here while its heartbeats go on, so it is never dropped. An api node started meanwhile
   * used to fail its start-up check (a request to every address, which timed out).
   */
  @Test
  void anApiNodeStartsAndServesWhileADomainNodeHangs() throws Exception {
    Account buyer = fixtures.buyer("Patient Buyer");
    String ownOrders = "/api/buyers/" + buyer.id() + "/orders";
    String browse = "/api/buyers/products?category=paused";
    CountDownLatch release = new CountDownLatch(1);
    // Every event loop of the node, the bus's included: a context of its own would land on one
    // loop only (a thread outside Vert.x keeps the first context it gets).
    for (EventExecutor loop : ((VertxInternal) catalogNode.vertx()).nettyEventLoopGroup()) {
      loop.execute(
          () -> {
            try {
              release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    }
    MarketplaceNode secondApi;
    ApiClient second;
    try {
      int secondPort = LoopbackPorts.take();
      // Its start-up check and the paused node's operation each wait out the request timeout:
      // 3 s rather than the default 5, still ample for the order node's answer on a busy machine.
      secondApi =
          cluster.start("api", secondPort, Map.of("MARKETPLACE_REQUEST_TIMEOUT_MS", "3000"));
      second = ApiClient.connect(cluster.clients, secondPort);

      assertThat(second.withToken(buyer.accessToken()).get(ownOrders).status())
          .as("an operation of the order node, which answers")
          .isEqualTo(200);
      assertThat(second.get(browse).status()).as("an operation of the paused node").isIn(503, 504);
    } finally {
      release.countDown();
    }
    try {
      ApiClient edge = second;
      Eventually.until(() -> edge.get(browse).status() == 200, Duration.ofSeconds(10));
    } finally {
      secondApi.stop().await();
    }
  }

  @Test
  void aChangeCommittedOnAnyNodeDropsWhatEveryApiNodeCaches() throws Exception {
    int secondPort = LoopbackPorts.take();
    MarketplaceNode secondApi = cluster.start("api", secondPort);
    try {
      ApiClient second = ApiClient.connect(cluster.clients, secondPort);
      Account seller = fixtures.seller("Two Caches Shop");
      Account buyer = fixtures.buyer("Two Caches Buyer");
      long productId = fixtures.product(seller, "Shared Kettle", "Home", "20.00", 10).getLong("id");
      String detail = "/api/buyers/products/" + productId;
      // The creation's own invalidation crosses the cluster after its reply: a read that begins
      // before it arrives is answered but, rightly, not kept. Let it arrive first.
      Thread.sleep(500);
      assertThat(second.get(detail).json().getInteger("inventory")).isEqualTo(10);
      cluster.database.execute(
          "UPDATE products SET description = 'unannounced' WHERE id = " + productId);
      assertThat(second.get(detail).json().getString("description"))
          .as("kept by the second api node")
          .isEqualTo("Shared Kettle for tests");

      // Sent through the first api node; committed on the catalog node, then the order node.
      fixtures.change(seller, productId, new JsonObject().put("price", 18));
      Eventually.until(
          () -> second.get(detail).json().getValue("price").toString().equals("18.0"),
          Duration.ofSeconds(2));
      long orderId = fixtures.order(buyer, productId, 3).getLong("id");
      Eventually.until(
          () -> second.get(detail).json().getInteger("inventory") == 7, Duration.ofSeconds(2));
      assertThat(second.get(detail).json().getString("description")).isEqualTo("unannounced");
      buyer.api().post("/api/buyers/orders/" + orderId + "/cancel", new JsonObject());
      Eventually.until(
          () -> second.get(detail).json().getInteger("inventory") == 10, Duration.ofSeconds(2));
    } finally {
      secondApi.stop().await();
    }
  }

  @Test
  void withTheCatalogNodeGoneTheApiAnswers503AtOnceAndANewNodeBringsItBack() throws Exception {
    Account seller = fixtures.seller("Comeback Shop");
    fixtures.product(seller, "Phoenix Lamp", "Home", "9.90", 3);
    String browse = "/api/buyers/products?category=home";
    // Reads with a token: anonymous ones may be answered from the api node's cache meanwhile.
    ApiClient reader = fixtures.buyer("Comeback Reader").api();
    assertThat(reader.get(browse).status()).isEqualTo(200);

    try (SteadyLoad load = new SteadyLoad(cluster.clients, 10, key -> reader.getLater(browse))) {
      catalogNode.stop().await();
      long stopped = System.nanoTime();
      Eventually.until(
          () -> api.get("/health/ready").json().getJsonArray("no_consumer").contains("catalog"),
          Duration.ofSeconds(1));
      long noticed = System.nanoTime();
      Thread.sleep(500);
      List<SteadyLoad.Sent> answers = load.stop();

      assertThat(answers).extracting(SteadyLoad.Sent::status).isSubsetOf(200, 503, 504);
      List<SteadyLoad.Sent> afterwards =
          answers.stream().filter(answer -> answer.sentAfter(noticed)).toList();
      assertThat(afterwards).isNotEmpty();
      assertThat(afterwards).extracting(SteadyLoad.Sent::status).containsOnly(503);
      assertThat(afterwards).allMatch(SteadyLoad.Sent::quick);
      System.out.printf(
          "catalog node stopped under load: the api knew after %d ms; %s; the slowest 503 after"
              + " that took %d ms%n",
          Duration.ofNanos(noticed - stopped).toMillis(),
          answers.stream()
              .collect(Collectors.groupingBy(SteadyLoad.Sent::status, Collectors.counting())),
          afterwards.stream().mapToLong(answer -> answer.took().toMillis()).max().orElse(0));
    }
    ApiResponse unavailable = reader.get(browse);
    assertThat(unavailable.status()).isEqualTo(503);
    assertThat(unavailable.json().getString("error")).isEqualTo("unavailable");
    assertThat(unavailable.headers().get("Retry-After")).isEqualTo("2");
    ApiResponse ready = api.get("/health/ready");
    assertThat(ready.status()).isEqualTo(503);
    assertThat(ready.json().getJsonArray("no_consumer").getList())
        .containsExactlyInAnyOrder("accounts", "catalog");
    assertThat(ready.json().getJsonObject("checks").getString("orders")).isEqualTo("up");

    catalogNode = cluster.start("account,catalog");
    Eventually.until(() -> reader.get(browse).status() == 200, Duration.ofSeconds(10));
    assertThat(reader.get(browse).json().getJsonArray("products").size()).isPositive();
    assertThat(api.get("/health/ready").status()).isEqualTo(200);
  }

  @Test
  void twoOrderNodesPlacingOrdersAtOnceNeverOversell() throws Exception {
    MarketplaceNode secondOrderNode = cluster.start("order");
    try {
      AtomicInteger onFirst = countOrdersPlacedOn(orderNode);
      AtomicInteger onSecond = countOrdersPlacedOn(secondOrderNode);
      Account seller = fixtures.seller("Scarce Shop");
      long productId =
          fixtures.product(seller, "Last Consoles", "Electronics", "499.99", 25).getLong("id");
      List<Account> buyers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        buyers.add(fixtures.buyer("Racer " + i));
      }

      Map<Integer, Long> byStatus = fixtures.orderAllAtOnce(buyers, productId, 100);

      assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of(201, 25L, 409, 75L));
      assertThat(onFirst.get()).as("orders the first order node took").isPositive();
      assertThat(onSecond.get()).as("orders the second order node took").isPositive();
      assertThat(
              cluster.database.queryLong(
                  "SELECT inventory FROM product_stock WHERE product_id = " + productId))
          .isZero();
      assertThat(
              cluster.database.queryLong(
                  "SELECT coalesce(sum(quantity), 0) FROM orders WHERE product_id = " + productId))
          .isEqualTo(25);
    } finally {
      secondOrderNode.stop().await();
    }
  }

  @Test
  void unpaidOrderSweepsRacingOnTwoOrderNodesReturnTheStockOnce() throws Exception {
    MarketplaceNode secondOrderNode = cluster.start("order");
    try {
      Account seller = fixtures.seller("Patient Shop");
      long productId = fixtures.product(seller, "Held Chairs", "Home", "80.00", 40).getLong("id");
      Account buyer = fixtures.buyer("Forgetful Buyer");
      List<Long> orders = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        orders.add(fixtures.order(buyer, productId, 2).getLong("id"));
      }
      cluster.clock.advanceBeyondNow(Duration.ofMinutes(31));

      int expired = 0;
      for (JsonObject sweep :
          concurrently(8, BusAddress.ORDERS, InternalAction.EXPIRE_UNPAID_ORDERS)) {
        expired += sweep.getInteger("expired");
      }

      assertThat(expired).as("orders expired, over all sweeps").isEqualTo(orders.size());
      assertThat(
              cluster.database.queryLong(
                  "SELECT inventory FROM product_stock WHERE product_id = " + productId))
          .isEqualTo(40);
      assertThat(
              cluster.database.queryLong(
                  "SELECT count(*) FROM order_tracking t JOIN orders o ON o.id = t.order_id"
                      + " WHERE o.product_id = "
                      + productId
                      + " AND t.status = 'cancelled'"))
          .isEqualTo(orders.size());
    } finally {
      secondOrderNode.stop().await();
    }
  }

  @Test
  void reconcilersRacingOnTwoPaymentNodesRefundOnce() throws Exception {
    // This one reaches the gateway of node 3 through MARKETPLACE_PAYMENT_GATEWAY_URL.
    MarketplaceNode secondPaymentNode = cluster.start("payment");
    try {
      Account seller = fixtures.seller("Refund Shop");
      long productId = fixtures.product(seller, "Returned Rug", "Home", "120.00", 4).getLong("id");
      Account buyer = fixtures.buyer("Returning Buyer");
      long orderId = fixtures.order(buyer, productId, 1).getLong("id");
      fixtures.pay(buyer, orderId);
      // As if the node that cancelled it died before its refund message left.
      cluster.database.execute(
          "UPDATE orders SET status = 'cancelled', payment_status = 'refund_pending' WHERE id = "
              + orderId);

      int refunded = 0;
      for (JsonObject pass :
          concurrently(8, BusAddress.PAYMENTS, InternalAction.RECONCILE_PAYMENTS)) {
        refunded += pass.getInteger("refunded");
      }

      assertThat(refunded).as("refunds made, over all passes").isPositive();
      assertThat(
              new SandboxLedgerClient(cluster.clients, cluster.sandboxUrl(), TestCluster.API_KEY)
                  .count(orderId, "refunded"))
          .isEqualTo(1);
      assertThat(
              cluster.database.queryLong(
                  "SELECT count(*) FROM payment_events e JOIN payments p ON p.id = e.payment_id"
                      + " WHERE p.order_id = "
                      + orderId
                      + " AND e.payment_status = 'refunded'"))
          .as("the refund is recorded once")
          .isEqualTo(1);
      assertThat(
              cluster.database.queryString(
                  "SELECT payment_status FROM orders WHERE id = " + orderId))
          .isEqualTo("refunded");
    } finally {
      secondPaymentNode.stop().await();
    }
  }

  /**
   * Sends an internal action {@code times} at once from the api node, as timers on several nodes
   * would fire it; the bus spreads the requests over every node and instance serving the address.
   */
  private static List<JsonObject> concurrently(
      int times, BusAddress address, InternalAction action) {
    List<Future<Message<String>>> sent = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      sent.add(
          apiNode
              .vertx()
              .eventBus()
              .request(
                  address.value(),
                  new BusRequest(null, null, null, null, new JsonObject()).toJson(),
                  new DeliveryOptions().addHeader(BusRequest.ACTION, action.id())));
    }
    Future.all(sent).await();
    return sent.stream().map(reply -> new JsonObject(reply.result().body())).toList();
  }

  /** Counts the orders this node's own order verticles place. */
  private static AtomicInteger countOrdersPlacedOn(MarketplaceNode node) {
    AtomicInteger placed = new AtomicInteger();
    node.vertx()
        .eventBus()
        .addInboundInterceptor(
            (DeliveryContext<Object> delivery) -> {
              if (BusAddress.ORDERS.value().equals(delivery.message().address())
                  && ApiOperation.PLACE_ORDER
                      .id()
                      .equals(delivery.message().headers().get(BusRequest.ACTION))) {
                placed.incrementAndGet();
              }
              delivery.next();
            });
    return placed;
  }
}
