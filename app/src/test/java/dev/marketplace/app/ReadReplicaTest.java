package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.app.testing.RunningMarketplace;
import dev.marketplace.common.db.SchemaMigrator;
import dev.marketplace.common.testing.ReplicatedPostgres;
import dev.marketplace.common.testing.ReplicatedPostgres.Node;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The marketplace on a primary and two asynchronous replicas made by the test ({@link
 * ReplicatedPostgres}), the replicas given in {@code MARKETPLACE_DB_READ_URL}, with the edge's
 * cache off so that every read reaches a database. Which database served a read is read from that
 * database's own statistics (scans of {@code products}, and {@code pg_stat_statements} for which
 * statement ran where), not from our logs.
 *
 * <p>About 20 s: two base backups, and waits of a lag limit (500 ms) for replicas to be skipped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadReplicaTest {

  private static final int MAX_LAG_MS = 500;
  private static final String CATEGORY = "Replicated";

  private static ReplicatedPostgres servers;
  private static Node primary;
  private static Node first;
  private static Node second;
  private static RunningMarketplace marketplace;
  private static Vertx clients;
  private static ApiClient anonymous;
  private static Account seller;
  private static long productId;

  @BeforeAll
  static void start() throws Exception {
    servers = ReplicatedPostgres.start();
    primary = servers.primary();
    servers.createDatabase("marketplace");
    SchemaMigrator.migrate(ReplicatedPostgres.settings("marketplace", primary));
    // Copied to the replicas with everything else: each server then counts what it ran.
    primary.execute("CREATE EXTENSION pg_stat_statements");
    first = servers.addStandby("replica1");
    second = servers.addStandby("replica2");
    marketplace =
        RunningMarketplace.start(
            Map.of(
                "MARKETPLACE_DB_READ_URL",
                ReplicatedPostgres.settings("marketplace", first, second).uri(),
                "MARKETPLACE_DB_MAX_REPLICA_LAG_MS",
                Integer.toString(MAX_LAG_MS),
                "MARKETPLACE_CATALOG_CACHE_ENTRIES",
                "0",
                "MARKETPLACE_VERTICLE_INSTANCES",
                "2"),
            ReplicatedPostgres.settings("marketplace", primary));
    clients = Vertx.vertx();
    anonymous = ApiClient.connect(clients, marketplace.httpPort());
    Fixtures fixtures = new Fixtures(clients, anonymous);
    seller = fixtures.seller("Replicated Shop");
    productId = fixtures.product(seller, "Mirror", CATEGORY, "10.00", 50).getLong("id");
    // Both replicas serve once their first checks found them current.
    readUntil(() -> scansOf(first) > 0 && scansOf(second) > 0, Duration.ofSeconds(20));
  }

  @AfterAll
  static void stop() throws Exception {
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
  void catalogReadsAreServedByTheReplicasInTurnAndNotByThePrimary() throws Exception {
    long onPrimary = scansOf(primary);
    long onFirst = scansOf(first);
    long onSecond = scansOf(second);

    // Statistics reach the views within a second or so of activity: read until both have moved.
    long started = System.nanoTime();
    int reads = 0;
    while (scansOf(first) - onFirst < 10 || scansOf(second) - onSecond < 10) {
      assertThat(System.nanoTime() - started).isLessThan(Duration.ofSeconds(20).toNanos());
      for (int i = 0; i < 10; i++) {
        assertThat(anonymous.get("/api/buyers/products?category=" + CATEGORY).status())
            .isEqualTo(200);
        assertThat(anonymous.get("/api/buyers/products/" + productId).status()).isEqualTo(200);
        reads += 2;
      }
    }

    assertThat(scansOf(primary) - onPrimary)
        .as("the primary served next to none of " + reads + " reads")
        .isLessThan(reads / 10);
  }

  @Test
  @Order(2)
  void searchCategoriesReviewsAndAnalyticsAreServedByTheReplicasInTurnAndNotByThePrimary()
      throws Exception {
    List<RoutedRead> routed =
        List.of(
            new RoutedRead(
                "search",
                anonymous,
                "/api/buyers/products/search?q=Mirror",
                "%websearch_to_tsquery%"),
            new RoutedRead(
                "categories", anonymous, "/api/categories", "%GROUP BY lower(category)%"),
            new RoutedRead(
                "reviews",
                anonymous,
                "/api/buyers/products/" + productId + "/reviews",
                "%FROM product_reviews r JOIN users b%"),
            new RoutedRead(
                "seller analytics",
                seller.api(),
                "/api/sellers/" + seller.id() + "/analytics",
                "%width_bucket(quarter_hour%"));
    for (RoutedRead read : routed) {
      long onPrimary = runsOf(primary, read.statement());
      long onFirst = runsOf(first, read.statement());
      long onSecond = runsOf(second, read.statement());

      int reads = 0;
      long started = System.nanoTime();
      while (runsOf(first, read.statement()) - onFirst < 10
          || runsOf(second, read.statement()) - onSecond < 10) {
        assertThat(System.nanoTime() - started)
            .as(read.name() + " read by both replicas")
            .isLessThan(Duration.ofSeconds(20).toNanos());
        for (int i = 0; i < 10; i++) {
          ApiResponse answer = read.client().get(read.path());
          assertThat(answer.status()).as(read.name() + ": " + answer).isEqualTo(200);
          reads++;
        }
      }

      assertThat(runsOf(primary, read.statement()) - onPrimary)
          .as("the primary ran next to none of " + reads + " " + read.name() + " reads")
          .isLessThan(reads / 10);
    }
  }

  @Test
  @Order(3)
  void aSellerReadsTheirNewPriceAtOnceAHundredTimesInARow() throws Exception {
    // One replica replays everything 300 ms late: within the lag limit, so it serves reads, but
    // never soon enough for a read right after a change.
    second.execute("ALTER SYSTEM SET recovery_min_apply_delay = '300ms'");
    second.execute("SELECT pg_reload_conf()");
    try {
      for (int i = 1; i <= 100; i++) {
        BigDecimal price = new BigDecimal("10.00").add(new BigDecimal(i)).setScale(2);
        ApiResponse changed =
            seller
                .api()
                .put("/api/sellers/products/" + productId, new JsonObject().put("price", price));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

        ApiResponse asSeller = seller.api().get("/api/buyers/products/" + productId);
        assertThat(new BigDecimal(asSeller.json().getValue("price").toString()))
            .as("read " + i + " by the seller")
            .isEqualByComparingTo(price);
        ApiResponse asAnyone = anonymous.get("/api/buyers/products/" + productId);
        assertThat(new BigDecimal(asAnyone.json().getValue("price").toString()))
            .as("read " + i + " without a token, through the node that made the change")
            .isEqualByComparingTo(price);
      }
    } finally {
      second.execute("ALTER SYSTEM RESET recovery_min_apply_delay");
      second.execute("SELECT pg_reload_conf()");
    }
  }

  @Test
  @Order(4)
  void aLaggingReplicaIsSkippedUntilItCatchesUp() throws Exception {
    first.pauseReplay();
    try {
      BigDecimal price = new BigDecimal("77.00");
      ApiResponse changed =
          seller
              .api()
              .put("/api/sellers/products/" + productId, new JsonObject().put("price", price));
      assertThat(changed.status()).isEqualTo(200);
      // The first replica falls behind by more than the limit. Lists ask for no position: only
      // skipping it keeps them from showing the price it still has, whichever replica's turn.
      Thread.sleep(MAX_LAG_MS + 2 * 250 + 200);
      for (int i = 0; i < 40; i++) {
        JsonObject page = anonymous.get("/api/buyers/products?category=" + CATEGORY).json();
        assertThat(
                new BigDecimal(
                    page.getJsonArray("products").getJsonObject(0).getValue("price").toString()))
            .as("list " + i + ", the lagging replica skipped")
            .isEqualByComparingTo(price);
      }
    } finally {
      first.resumeReplay();
    }
    long onFirst = scansOf(first);
    readUntil(() -> scansOf(first) > onFirst, Duration.ofSeconds(10));
  }

  @Test
  @Order(5)
  void aReplicaThatIsDownIsSkippedAndRejoinsWhenBack() throws Exception {
    first.stopImmediately();
    try {
      for (int i = 0; i < 100; i++) {
        assertThat(anonymous.get("/api/buyers/products?category=" + CATEGORY).status())
            .as("read " + i + " while a replica is down")
            .isEqualTo(200);
      }
      long onSecond = scansOf(second);
      readUntil(() -> scansOf(second) > onSecond, Duration.ofSeconds(10));
    } finally {
      first.start();
    }
    long onFirst = scansOf(first);
    readUntil(() -> scansOf(first) > onFirst, Duration.ofSeconds(15));
  }

  /**
   * Reads the list, each answer a 200, until {@code condition} holds; fails after {@code within}.
   */
  private static void readUntil(java.util.function.BooleanSupplier condition, Duration within)
      throws InterruptedException {
    Eventually.until(
        () -> {
          assertThat(anonymous.get("/api/buyers/products?category=" + CATEGORY).status())
              .isEqualTo(200);
          return condition.getAsBoolean();
        },
        within);
  }

  /** A read that goes to the replicas, and a pattern of the statement that answers it. */
  private record RoutedRead(String name, ApiClient client, String path, String statement) {}

  /**
   * How many times {@code node} ran statements whose text is like {@code pattern}, from its own
   * {@code pg_stat_statements}: counted as each statement ends, unlike the table statistics.
   */
  private static long runsOf(Node node, String pattern) {
    try {
      return node.queryLong(
          "postgres",
          "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE query LIKE '"
              + pattern
              + "'");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Scans of {@code products} that {@code node} has counted, from its own statistics. */
  private static long scansOf(Node node) {
    try {
      return node.queryLong(
          "marketplace",
          "SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) FROM pg_stat_user_tables"
              + " WHERE relname = 'products'");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
