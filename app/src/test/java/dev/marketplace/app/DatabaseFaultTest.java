package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.marketplace.common.bus.DatabaseOutageLog;
import dev.marketplace.common.config.MarketplaceConfig;
import dev.marketplace.common.db.DatabaseSettings;
import dev.marketplace.common.db.PoolSettings;
import dev.marketplace.common.security.SigningKeys;
import dev.marketplace.common.testing.LoopbackPorts;
import dev.marketplace.common.testing.TestClock;
import dev.marketplace.common.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The marketplace with a TCP proxy between it and PostgreSQL, which cuts or slows the database:
 * requests then answer 503 or 504 promptly (never 500, never a hang), the outage is logged once
 * rather than per request, the service recovers by itself, and no acknowledged order is lost nor
 * stock miscounted.
 */
class DatabaseFaultTest {

  private static final int REQUEST_TIMEOUT_MS = 2000;
  private static final int STOCK = 1000;

  private static Vertx vertx;
  private static Vertx proxyVertx;
  private static TestDatabase database;
  private static PostgresProxy proxy;
  private static ApiClient api;
  private static Fixtures fixtures;
  private static Account buyer;
  private static long productId;
  private static final List<Long> acknowledged = new ArrayList<>();
  private static ListAppender<ILoggingEvent> outageLog;

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabase.create();
    proxyVertx = Vertx.vertx();
    DatabaseSettings direct = database.settings();
    proxy = PostgresProxy.start(proxyVertx, direct.host().host(), direct.host().port());
    MarketplaceConfig config =
        MarketplaceConfig.fromEnvironment(
                Map.of(
                    "MARKETPLACE_DATA_DIR", Files.createTempDirectory("fault-data").toString(),
                    "MARKETPLACE_SANDBOX_PORT", Integer.toString(LoopbackPorts.take()),
                    "MARKETPLACE_REQUEST_TIMEOUT_MS", Integer.toString(REQUEST_TIMEOUT_MS),
                    "MARKETPLACE_DB_POOL_SIZE", "4",
                    "MARKETPLACE_VERTICLE_INSTANCES", "1"))
            .withHttpPort(LoopbackPorts.take());
    vertx = InstrumentedVertx.create(false);
    DatabaseSettings proxied =
        new DatabaseSettings(
            "127.0.0.1", proxy.port(), direct.database(), direct.user(), direct.password());
    Marketplace.deploy(vertx, config, proxied, SigningKeys.generate(), new TestClock()).await();
    api = ApiClient.connect(vertx, config.httpPort());
    fixtures = new Fixtures(vertx, api);
    Account seller = fixtures.seller("Fault Seller");
    buyer = fixtures.buyer("Fault Buyer");
    productId = fixtures.product(seller, "Fault lamp", "Home", "10.00", STOCK).getLong("id");
    outageLog = new ListAppender<>();
    outageLog.start();
    ((Logger) LoggerFactory.getLogger(DatabaseOutageLog.class)).addAppender(outageLog);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await();
    proxyVertx.close().await();
    database.close();
  }

  /**
   * A catalog node asks the database before it serves (LegacyImageImport): one starting while the
   * database is away, or slow to give its first connection on a busy machine, waits for it instead
   * of failing its start (the chaos suite saw a node exit on "Timeout waiting for connection").
   */
  @Test
  void aCatalogNodeStartingWhileTheDatabaseIsAwayWaitsForIt() throws Exception {
    DatabaseSettings direct = database.settings();
    PostgresProxy away =
        PostgresProxy.start(proxyVertx, direct.host().host(), direct.host().port());
    away.cut();
    Vertx starting = InstrumentedVertx.create(false);
    try {
      MarketplaceConfig config =
          MarketplaceConfig.fromEnvironment(
                  Map.of(
                      "MARKETPLACE_DATA_DIR", Files.createTempDirectory("late-data").toString(),
                      "MARKETPLACE_SANDBOX_PORT", Integer.toString(LoopbackPorts.take()),
                      "MARKETPLACE_REQUEST_TIMEOUT_MS", Integer.toString(REQUEST_TIMEOUT_MS),
                      "MARKETPLACE_VERTICLE_INSTANCES", "1"))
              .withHttpPort(LoopbackPorts.take());
      var started =
          Marketplace.deploy(
              starting,
              config,
              new DatabaseSettings(
                  "127.0.0.1", away.port(), direct.database(), direct.user(), direct.password()),
              SigningKeys.generate(),
              new TestClock());
      Thread.sleep(3000);
      assertThat(started.failed()).as("gave up: " + started.cause()).isFalse();
      assertThat(started.succeeded()).isFalse();

      away.restore();

      started.await(20, TimeUnit.SECONDS);
      assertThat(started.succeeded()).isTrue();
    } finally {
      starting.close().await();
    }
  }

  @Test
  void anOutageAnswers503PromptlyIsLoggedOnceAndHealsItself() throws Exception {
    placeOrders(3);
    outageLog.list.clear();

    proxy.cut();
    long outageStart = System.nanoTime();
    int refused = 0;
    while (System.nanoTime() - outageStart < 3_000_000_000L) {
      for (String path : List.of("/api/buyers/products", "/api/buyers/products/" + productId)) {
        long sent = System.nanoTime();
        ApiResponse answer = api.get(path);
        assertThat(answer.status()).as(path + " " + answer).isEqualTo(503);
        assertThat((System.nanoTime() - sent) / 1_000_000).isLessThan(REQUEST_TIMEOUT_MS);
        refused++;
      }
      assertThat(fixtures.tryOrder(buyer, productId, 1).status()).isEqualTo(503);
      refused++;
    }
    assertThat(refused).isGreaterThan(20);
    assertThat(warnings()).as("one line for the outage, not one per request").hasSize(1);

    proxy.restore();
    long restored = System.nanoTime();
    while (api.get("/api/buyers/products/" + productId).status() != 200) {
      assertThat(System.nanoTime() - restored).as("recovered").isLessThan(10_000_000_000L);
      Thread.sleep(50);
    }
    placeOrders(2);
    assertThat(outageLog.list)
        .filteredOn(event -> event.getLevel() == Level.INFO)
        .singleElement()
        .satisfies(event -> assertThat(event.getFormattedMessage()).contains("available again"));
    assertStockAndOrders();
  }

  @Test
  void aSlowDatabaseAnswers503Or504WithinTheRequestTimeout() throws Exception {
    assertThat(PoolSettings.connectionTimeoutMillis(REQUEST_TIMEOUT_MS))
        .as("the pool gives up before the request does")
        .isLessThan(REQUEST_TIMEOUT_MS);
    placeOrders(2);

    proxy.delay(3000);
    List<Future<HttpResponse<Buffer>>> requests = new ArrayList<>();
    long sent = System.nanoTime();
    for (int i = 0; i < 30; i++) {
      requests.add(
          i % 2 == 0
              ? buyer.api().sendAsync(HttpMethod.POST, "/api/buyers/orders", order(1))
              : buyer.api().sendAsync(HttpMethod.GET, "/api/buyers/products?limit=5", null));
    }
    for (Future<HttpResponse<Buffer>> request : requests) {
      HttpResponse<Buffer> response = request.await();
      assertThat(response.statusCode()).as(response.bodyAsString()).isIn(503, 504);
      assertThat(response.bodyAsJsonObject().fieldNames())
          .containsExactlyInAnyOrder("error", "message", "request_id");
    }
    // Generous for a loaded machine: the bound that matters is the request timeout's order.
    assertThat((System.nanoTime() - sent) / 1_000_000).isLessThan(REQUEST_TIMEOUT_MS + 5000L);

    proxy.delay(0);
    long healed = System.nanoTime();
    while (api.get("/api/buyers/products/" + productId).status() != 200) {
      assertThat(System.nanoTime() - healed).as("recovered").isLessThan(30_000_000_000L);
      Thread.sleep(100);
    }
    placeOrders(2);
    // Orders that timed out (504) may still be on their way to their commit: let them land.
    awaitQuiet();
    assertStockAndOrders();
  }

  @Test
  void aBatchWhoseConnectionBreaksNeverPlacesAnOrderTwice() throws Exception {
    String buyersOrders = "SELECT count(*) FROM orders WHERE buyer_id = " + buyer.id();

    // Connections open, with the order statement prepared on them, for batches to run at once.
    for (int round = 0; round < 3; round++) {
      List<Future<HttpResponse<Buffer>>> warmUp = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        warmUp.add(buyer.api().sendAsync(HttpMethod.POST, "/api/buyers/orders", order(1)));
      }
      for (Future<HttpResponse<Buffer>> placed : warmUp) {
        acknowledged.add(placed.await().bodyAsJsonObject().getLong("id"));
      }
    }
    long before = database.queryLong(buyersOrders);

    // The database does at once what it is asked, but its answers are held back; then every
    // connection is reset and new ones can be taken at once: whatever committed unanswered, no
    // request may have placed two orders.
    proxy.delayAnswers(1000);
    List<Future<HttpResponse<Buffer>>> requests = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      requests.add(buyer.api().sendAsync(HttpMethod.POST, "/api/buyers/orders", order(1)));
    }
    Thread.sleep(600);
    proxy.cut();
    proxy.delayAnswers(0);
    proxy.restore();

    long placedForSure = 0;
    long unknown = 0;
    for (Future<HttpResponse<Buffer>> request : requests) {
      HttpResponse<Buffer> response = request.await();
      if (response.statusCode() == 201) {
        acknowledged.add(response.bodyAsJsonObject().getLong("id"));
        placedForSure++;
      } else {
        assertThat(response.statusCode()).as(response.bodyAsString()).isIn(503, 504);
        unknown++;
      }
    }
    // An order answered 504 may still be on its way to its commit.
    Thread.sleep(REQUEST_TIMEOUT_MS);
    long placed = database.queryLong(buyersOrders) - before;
    assertThat(placed)
        .as("no request placed two orders")
        .isBetween(placedForSure, placedForSure + unknown);
    assertStockAndOrders();
  }

  private static JsonObject order(int quantity) {
    return new JsonObject().put("product_id", productId).put("quantity", quantity);
  }

  private static void placeOrders(int count) {
    for (int i = 0; i < count; i++) {
      acknowledged.add(fixtures.order(buyer, productId, 1).getLong("id"));
    }
  }

  /**
   * Waits until nothing the service sent is still on its way to the database or being worked on
   * there: the proxy holds no packet back, and no other session of the test's database is running a
   * statement or inside a transaction, in three checks 200 ms apart.
   */
  private static void awaitQuiet() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    for (int quietChecks = 0; quietChecks < 3; ) {
      assertThat(System.nanoTime()).as("the database quiet again").isLessThan(deadline);
      boolean quiet =
          proxy.held() == 0
              && database.queryLong(
                      "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                          + " AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
                          + " AND state <> 'idle'")
                  == 0;
      quietChecks = quiet ? quietChecks + 1 : 0;
      Thread.sleep(200);
    }
  }

  private static List<String> warnings() {
    return outageLog.list.stream()
        .filter(event -> event.getLevel() == Level.WARN)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  /** Every acknowledged order is stored, and stock plus what was ordered is what there was. */
  private static void assertStockAndOrders() throws Exception {
    for (long id : acknowledged) {
      assertThat(database.queryLong("SELECT count(*) FROM orders WHERE id = " + id)).isOne();
    }
    long ordered =
        database.queryLong(
            "SELECT coalesce(sum(i.quantity), 0) FROM order_items i JOIN orders o ON o.id = i.order_id"
                + " WHERE o.status <> 'cancelled' AND i.product_id = "
                + productId);
    long inventory =
        database.queryLong("SELECT inventory FROM product_stock WHERE product_id = " + productId);
    assertThat(inventory + ordered).isEqualTo(STOCK);
  }
}
