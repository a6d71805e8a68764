package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.common.db.DatabaseSettings;
import dev.marketplace.common.testing.LoopbackPorts;
import dev.marketplace.common.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server as its own process ({@code MarketplaceApplication}), under a steady load of orders,
 * behind a proxy that, while the load runs, makes each database round trip slow enough to keep many
 * requests in flight: SIGTERM must let them finish (every order it committed is acknowledged, and
 * every acknowledged one is committed), and kill -9 must lose no acknowledged order; stock always
 * adds up.
 */
class ProcessFaultTest {

  private static final int STOCK = 100_000;
  private static final int CLIENTS = 16;
  private static final int GRACE_SECONDS = 10;

  /** Each database packet's delay under load, either way: many orders are in flight at any time. */
  private static final int LOAD_DELAY_MILLIS = 40;

  private static Vertx vertx;
  private static TestDatabase database;
  private static PostgresProxy proxy;
  private static Path dataDirectory;

  /** One order request: when it was sent, and the order id, or the status, or nothing. */
  record Attempt(long sentNanos, Long orderId, int status, Throwable failure) {}

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    database = TestDatabase.create();
    DatabaseSettings direct = database.settings();
    proxy = PostgresProxy.start(vertx, direct.host().host(), direct.host().port());
    dataDirectory = Files.createTempDirectory("process-fault");
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await();
    database.close();
  }

  @Test
  void sigtermFinishesTheRequestsInFlightAndLosesNothing() throws Exception {
    Server server = Server.start();
    Shop shop = server.shop();
    ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    List<Future<Void>> load = server.loadForAWhile(shop, attempts);

    long sigterm = System.nanoTime();
    server.process.destroy();
    assertThat(server.process.waitFor(GRACE_SECONDS + 30, TimeUnit.SECONDS)).isTrue();
    long stopped = System.nanoTime();
    Future.join(load).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);

    assertThat(TimeUnit.NANOSECONDS.toSeconds(stopped - sigterm)).isLessThan(GRACE_SECONDS + 20);
    assertThat(server.log()).contains("Shutting down", "Stopped in");
    // Requests sent well before SIGTERM were being worked on: each got its answer.
    List<Attempt> inFlight =
        attempts.stream().filter(a -> sigterm - a.sentNanos() > 300_000_000L).toList();
    assertThat(inFlight).hasSizeGreaterThan(CLIENTS);
    assertThat(inFlight).allSatisfy(a -> assertThat(a.failure()).as("answered").isNull());
    assertThat(attempts).allSatisfy(a -> assertThat(a.status()).isNotEqualTo(500));
    assertCommittedIsAcknowledged(shop, attempts, true);
  }

  @Test
  void killMinus9LosesNoAcknowledgedOrderAndTheServerComesBack() throws Exception {
    Server server = Server.start();
    Shop shop = server.shop();
    ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    List<Future<Void>> load = server.loadForAWhile(shop, attempts);
    server.process.destroyForcibly();
    assertThat(server.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    Future.join(load).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    assertThat(attempts.stream().filter(a -> a.orderId() != null)).isNotEmpty();
    assertCommittedIsAcknowledged(shop, attempts, false);

    Server again = Server.start();
    try {
      Account buyer = again.fixtures.logIn("buyers", shop.buyerEmail(), Fixtures.PASSWORD);
      again.fixtures.order(buyer, shop.productId(), 1);
    } finally {
      again.process.destroy();
      again.process.waitFor(GRACE_SECONDS + 30, TimeUnit.SECONDS);
    }
  }

  /**
   * Every acknowledged order is stored; after a graceful stop, also every stored order was
   * acknowledged. Either way the stock plus what was ordered is what there was.
   */
  private static void assertCommittedIsAcknowledged(
      Shop shop, ConcurrentLinkedQueue<Attempt> attempts, boolean everyCommitAcknowledged)
      throws Exception {
    awaitNoOtherConnections();
    Set<Long> acknowledged = new HashSet<>();
    attempts.stream().filter(a -> a.orderId() != null).forEach(a -> acknowledged.add(a.orderId()));
    Set<Long> stored = new HashSet<>();
    for (String id :
        database
            .queryString(
                "SELECT coalesce(string_agg(id::text, ','), '') FROM orders WHERE buyer_id = "
                    + shop.buyerId())
            .split(",")) {
      if (!id.isEmpty()) {
        stored.add(Long.parseLong(id));
      }
    }
    assertThat(stored).containsAll(acknowledged);
    if (everyCommitAcknowledged) {
      assertThat(acknowledged).containsAll(stored);
    }
    // One statement, so both sums come from one snapshot.
    long inventoryPlusOrdered =
        database.queryLong(
            "SELECT (SELECT inventory FROM product_stock WHERE product_id = "
                + shop.productId()
                + ") + (SELECT coalesce(sum(quantity), 0) FROM order_items WHERE product_id = "
                + shop.productId()
                + ")");
    assertThat(inventoryPlusOrdered).isEqualTo(STOCK);
  }

  /**
   * Waits until the stopped server's sessions are gone. After a kill -9, the proxy still delivers
   * what it held back, a COMMIT among it, so the database can change for a moment after the process
   * is dead.
   */
  private static void awaitNoOtherConnections() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (database.queryLong(
            "SELECT count(*) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND pid <> pg_backend_pid()")
        > 0) {
      assertThat(System.nanoTime()).as("the stopped server's sessions end").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  /** A seller's product and a buyer, made through the API. */
  record Shop(long productId, long buyerId, String buyerEmail, ApiClient buyerApi) {}

  /** One server process on the proxied test database. */
  private static final class Server {

    final Process process;
    final Path log;
    final ApiClient api;
    final Fixtures fixtures;

    private Server(Process process, Path log, int port) {
      this.process = process;
      this.log = log;
      this.api = ApiClient.connect(vertx, port);
      this.fixtures = new Fixtures(vertx, api);
    }

    /**
     * Starts a server and waits until it is ready. Its start (migrations check, warm-up) and the
     * shop's set-up go to the database without the load's delay: hundreds of round trips, each of
     * which the delay would make 80 ms longer, and none of which the faults are about.
     */
    static Server start() throws Exception {
      proxy.delay(0);
      int port = LoopbackPorts.take();
      DatabaseSettings direct = database.settings();
      Path log = Files.createTempFile("marketplace-process", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  MarketplaceApplication.class.getName())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      Map<String, String> env = builder.environment();
      env.put(
          "MARKETPLACE_DB_URL",
          new DatabaseSettings(
                  "127.0.0.1", proxy.port(), direct.database(), direct.user(), direct.password())
              .uri());
      env.put("MARKETPLACE_HTTP_PORT", Integer.toString(port));
      env.put("MARKETPLACE_SANDBOX_PORT", Integer.toString(LoopbackPorts.take()));
      env.put("MARKETPLACE_DATA_DIR", dataDirectory.toString());
      env.put("MARKETPLACE_SHUTDOWN_GRACE_SECONDS", Integer.toString(GRACE_SECONDS));
      env.put("MARKETPLACE_METRICS_ENABLED", "false");
      Server server = new Server(builder.start(), log, port);
      long started = System.nanoTime();
      while (!server.ready()) {
        assertThat(server.process.isAlive()).as(server.log()).isTrue();
        assertThat(System.nanoTime() - started).as("ready in time").isLessThan(90_000_000_000L);
        Thread.sleep(200);
      }
      return server;
    }

    private boolean ready() {
      try {
        return api.getOutsideContract("/health/ready").status() == 200;
      } catch (Exception notYet) {
        return false;
      }
    }

    Shop shop() {
      Account seller = fixtures.seller("Process Seller");
      Account buyer = fixtures.buyer("Process Buyer");
      long productId =
          fixtures.product(seller, "Process lamp", "Home", "3.00", STOCK).getLong("id");
      return new Shop(productId, buyer.id(), buyer.email(), buyer.api());
    }

    /**
     * Slows the database, starts {@link #CLIENTS} loops placing orders one after the other until
     * the server is gone, and returns once they have run for a few seconds.
     */
    List<Future<Void>> loadForAWhile(Shop shop, ConcurrentLinkedQueue<Attempt> attempts)
        throws InterruptedException {
      proxy.delay(LOAD_DELAY_MILLIS);
      List<Future<Void>> clients = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        clients.add(orderUntilGone(shop, attempts));
      }
      Thread.sleep(3000);
      return clients;
    }

    private Future<Void> orderUntilGone(Shop shop, ConcurrentLinkedQueue<Attempt> attempts) {
      long sent = System.nanoTime();
      JsonObject order = new JsonObject().put("product_id", shop.productId()).put("quantity", 1);
      return shop.buyerApi()
          .sendAsync(HttpMethod.POST, "/api/buyers/orders", order)
          .transform(
              done -> {
                if (done.failed()) {
                  attempts.add(new Attempt(sent, null, 0, done.cause()));
                  return Future.succeededFuture();
                }
                int status = done.result().statusCode();
                Long id = status == 201 ? done.result().bodyAsJsonObject().getLong("id") : null;
                attempts.add(new Attempt(sent, id, status, null));
                return orderUntilGone(shop, attempts);
              });
    }

    String log() {
      try {
        return Files.readString(log);
      } catch (Exception e) {
        return e.toString();
      }
    }
  }
}
