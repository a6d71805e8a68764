package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.marketplace.app.testing.RunningMarketplace;
import dev.marketplace.common.bus.DatabaseOutageLog;
import dev.marketplace.common.db.SchemaMigrator;
import dev.marketplace.common.testing.ReplicatedPostgres;
import dev.marketplace.common.testing.ReplicatedPostgres.Node;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

/**
 * The marketplace on a primary and a synchronous standby made by the test ({@link
 * ReplicatedPostgres}), given both in {@code MARKETPLACE_DB_URL} with the standby first. It finds
 * the primary by itself; when the primary dies under a steady load of orders and the standby is
 * promoted, it follows without a restart: meanwhile orders answer 503 with {@code Retry-After}
 * within the request timeout, never 500, and no acknowledged order is lost.
 *
 * <p>About 15 s: a base backup, and a failover watched for a few seconds under load.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseFailoverTest {

  private static final int REQUEST_TIMEOUT_MS = 2000;
  private static final int STOCK = 100_000;
  private static final String ORDERS = "/api/buyers/orders";

  private static ReplicatedPostgres servers;
  private static Node primary;
  private static Node standby;
  private static RunningMarketplace marketplace;
  private static Vertx clients;
  private static Fixtures fixtures;
  private static Account buyer;
  private static long productId;
  private static final ListAppender<ILoggingEvent> outageLog = new ListAppender<>();

  @BeforeAll
  static void start() throws Exception {
    servers = ReplicatedPostgres.start();
    primary = servers.primary();
    standby = servers.addStandby("standby1");
    servers.makeSynchronous(standby);
    servers.createDatabase("marketplace");
    SchemaMigrator.migrate(ReplicatedPostgres.settings("marketplace", primary));
    marketplace =
        RunningMarketplace.start(
            Map.of(
                "MARKETPLACE_REQUEST_TIMEOUT_MS",
                Integer.toString(REQUEST_TIMEOUT_MS),
                "MARKETPLACE_VERTICLE_INSTANCES",
                "2"),
            ReplicatedPostgres.settings("marketplace", standby, primary));
    clients = Vertx.vertx();
    fixtures = new Fixtures(clients, ApiClient.connect(clients, marketplace.httpPort()));
    Account seller = fixtures.seller("Failover Shop");
    buyer = fixtures.buyer("Failover Buyer");
    productId = fixtures.product(seller, "Spare Fuse", "Home", "3.00", STOCK).getLong("id");
    outageLog.start();
    ((Logger) LoggerFactory.getLogger(DatabaseOutageLog.class)).addAppender(outageLog);
  }

  @AfterAll
  static void stop() throws Exception {
    ((Logger) LoggerFactory.getLogger(DatabaseOutageLog.class)).detachAppender(outageLog);
    if (clients != null) {
      clients.close().await();
    }
    if (marketplace != null) {
      marketplace.close();
    }
    if (servers != null) {
      servers.close();
    }
  }

  @Test
  @Order(1)
  void writesGoToThePrimaryThoughTheStandbyIsListedFirst() throws Exception {
    long placed = fixtures.order(buyer, productId, 2).getLong("id");

    assertThat(primary.queryLong("marketplace", "SELECT count(*) FROM orders WHERE id = " + placed))
        .isOne();
    assertThat(ourSessionsOn(primary)).as("the pool's connections are on the primary").isPositive();
    assertThat(ourSessionsOn(standby)).as("and none on the standby").isZero();
  }

  /** The pool's sessions on {@code node} (not the connections that ask which host is primary). */
  private static long ourSessionsOn(Node node) {
    try {
      return node.queryLong(
          "postgres",
          "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'marketplace %'");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @Order(2)
  void aPrimaryFencedReadOnlyAnswers503AndLosesOurConnectionsUntilItAcceptsWritesAgain()
      throws Exception {
    fixtures.order(buyer, productId, 1);
    outageLog.list.clear();

    // What an operator or a managed service does to stop writes without stopping the server.
    primary.execute("ALTER SYSTEM SET default_transaction_read_only = on");
    primary.execute("SELECT pg_reload_conf()");
    try {
      // Each session rereads the setting at its next command: wait for the first refusal.
      AtomicReference<ApiResponse> refused = new AtomicReference<>();
      Eventually.until(
          () -> {
            refused.set(fixtures.tryOrder(buyer, productId, 1));
            return refused.get().status() != 201;
          },
          Duration.ofSeconds(5));
      assertThat(refused.get().status()).as(refused.get().toString()).isEqualTo(503);
      assertThat(refused.get().headers().get("Retry-After")).isNotNull();
      Eventually.until(() -> ourSessionsOn(primary) == 0, Duration.ofSeconds(5));
    } finally {
      primary.execute("ALTER SYSTEM RESET default_transaction_read_only");
      primary.execute("SELECT pg_reload_conf()");
    }
    Eventually.until(
        () -> fixtures.tryOrder(buyer, productId, 1).status() == 201, Duration.ofSeconds(5));
    assertThat(lines(Level.WARN)).hasSize(1);
    assertThat(lines(Level.INFO)).singleElement().asString().contains("available again");
  }

  @Test
  @Order(3)
  void aFailoverUnderSteadyOrdersLosesNoAcknowledgedOrderAndHealsWithinSeconds() throws Exception {
    JsonObject fuse = new JsonObject().put("product_id", productId).put("quantity", 1);
    long ordersBefore = orderCount();
    outageLog.list.clear();
    List<SteadyLoad.Sent> sent;
    long promoted;
    try (SteadyLoad load =
        new SteadyLoad(clients, 20, key -> buyer.api().postLater(ORDERS, fuse, key))) {
      Eventually.until(() -> count(load.answered(), 201) >= 20, Duration.ofSeconds(30));

      primary.stopImmediately();
      long killed = System.nanoTime();
      Eventually.until(
          () -> load.answered().stream().anyMatch(s -> s.sentAfter(killed) && s.status() == 503),
          Duration.ofSeconds(10));
      // An HA manager takes a moment to decide; the service must wait it out with 503s.
      Thread.sleep(1000);
      standby.promote();
      promoted = System.nanoTime();
      Eventually.until(
          () -> count(load.answered(), s -> s.sentAfter(promoted) && s.status() == 201) >= 20,
          Duration.ofSeconds(20));
      sent = load.stop();
    }

    Map<Integer, Long> byStatus =
        sent.stream()
            .collect(Collectors.groupingBy(SteadyLoad.Sent::status, Collectors.counting()));
    long recovered =
        sent.stream()
            .filter(s -> s.sentAfter(promoted) && s.status() == 201)
            .mapToLong(SteadyLoad.Sent::sentAt)
            .min()
            .orElseThrow();
    System.out.printf(
        "failover: orders succeeded again %d ms after the promotion; answers %s%n",
        Duration.ofNanos(recovered - promoted).toMillis(), byStatus);
    assertThat(byStatus.keySet()).as("never a 500").isSubsetOf(201, 503, 504);
    assertThat(Duration.ofNanos(recovered - promoted))
        .as("writes go to the promoted standby within seconds")
        .isLessThan(Duration.ofSeconds(5));
    assertThat(sent)
        .as("no answer waits past the request timeout")
        .allSatisfy(
            s -> assertThat(s.took()).isLessThan(Duration.ofMillis(REQUEST_TIMEOUT_MS + 1000)));
    assertThat(sent)
        .filteredOn(s -> s.status() == 503)
        .allSatisfy(s -> assertThat(s.response().headers().get("Retry-After")).isNotNull());

    List<Long> acknowledged =
        sent.stream()
            .filter(s -> s.status() == 201)
            .map(s -> s.response().json().getLong("id"))
            .toList();
    assertThat(
            standby.queryLong(
                "marketplace",
                "SELECT count(*) FROM orders WHERE id IN ("
                    + acknowledged.stream().map(String::valueOf).collect(Collectors.joining(","))
                    + ")"))
        .as("every acknowledged order is on the promoted standby")
        .isEqualTo(acknowledged.size());
    // A buyer who got no answer retries with the same key: each key ends as exactly one order.
    for (SteadyLoad.Sent failed : sent.stream().filter(s -> s.status() != 201).toList()) {
      assertThat(buyer.api().postLater(ORDERS, fuse, failed.key()).await().status()).isEqualTo(201);
    }
    assertThat(orderCount() - ordersBefore).isEqualTo(sent.size());
    assertThat(
            standby.queryLong(
                "marketplace",
                "SELECT inventory + (SELECT sum(quantity) FROM order_items WHERE product_id = "
                    + productId
                    + ") FROM product_stock WHERE product_id = "
                    + productId))
        .as("stock plus what was ordered is what there was")
        .isEqualTo(STOCK);

    List<String> warnings = lines(Level.WARN);
    assertThat(warnings).as("the outage, told once").hasSize(1);
    assertThat(lines(Level.INFO))
        .as("the recovery, told once, naming the new primary")
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("available again", "writes go to the primary at " + standby.host()));
  }

  private static long orderCount() throws Exception {
    return standbyOrPrimary()
        .queryLong("marketplace", "SELECT count(*) FROM orders WHERE product_id = " + productId);
  }

  /** Where the orders are: the primary until it is stopped, then the promoted standby. */
  private static Node standbyOrPrimary() {
    try {
      primary.queryLong("postgres", "SELECT 1");
      return primary;
    } catch (Exception stopped) {
      return standby;
    }
  }

  private static List<String> lines(Level level) {
    return outageLog.list.stream()
        .filter(event -> event.getLevel() == level)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  private static long count(List<SteadyLoad.Sent> sent, int status) {
    return count(sent, s -> s.status() == status);
  }

  private static long count(
      List<SteadyLoad.Sent> sent, java.util.function.Predicate<SteadyLoad.Sent> which) {
    return sent.stream().filter(which).count();
  }
}
