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
import org.junit.jupiter.api.Test;

/**
 * The edge's read cache on, in front of a primary and one replica that is made to lag: an answer
 * read on the replica before it replayed a change the node had already heard of (a seller's new
 * price) is sent, as docs/architecture.md allows for lists within the lag limit, but never kept, so
 * that anonymous readers see the new price as soon as the replica has it and not the cache's copy
 * of the old one for as long as the cache keeps answers.
 *
 * <p>About 10 s: one base backup.
 */
class ReadReplicaCacheTest {

  /** Long enough that the paused replica keeps serving lists while the test reads them. */
  private static final int MAX_LAG_MS = 20_000;

  /** Longer than the test: only an invalidation, or the cache refusing an answer, drops one. */
  private static final int CACHE_SECONDS = 600;

  private static final String CATEGORY = "Lagging";

  private static ReplicatedPostgres servers;
  private static Node replica;
  private static RunningMarketplace marketplace;
  private static Vertx clients;
  private static ApiClient anonymous;
  private static Account seller;
  private static long productId;

  @BeforeAll
  static void start() throws Exception {
    servers = ReplicatedPostgres.start();
    Node primary = servers.primary();
    servers.createDatabase("marketplace");
    SchemaMigrator.migrate(ReplicatedPostgres.settings("marketplace", primary));
    replica = servers.addStandby("replica");
    marketplace =
        RunningMarketplace.start(
            Map.of(
                "MARKETPLACE_DB_READ_URL",
                ReplicatedPostgres.settings("marketplace", replica).uri(),
                "MARKETPLACE_DB_MAX_REPLICA_LAG_MS",
                Integer.toString(MAX_LAG_MS),
                "MARKETPLACE_CATALOG_CACHE_SECONDS",
                Integer.toString(CACHE_SECONDS)),
            ReplicatedPostgres.settings("marketplace", primary));
    clients = Vertx.vertx();
    anonymous = ApiClient.connect(clients, marketplace.httpPort());
    Fixtures fixtures = new Fixtures(clients, anonymous);
    seller = fixtures.seller("Lagging Shop");
    productId = fixtures.product(seller, "Hourglass", CATEGORY, "10.00", 50).getLong("id");
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
  void aListReadOnALaggingReplicaAfterAPriceChangeIsNotKeptOnceTheReplicaCatchesUp()
      throws Exception {
    List<String> lists =
        List.of(
            "/api/buyers/products?category=" + CATEGORY, "/api/buyers/products/search?q=Hourglass");
    String detail = "/api/buyers/products/" + productId;
    BigDecimal before = new BigDecimal("10.00");
    BigDecimal after = new BigDecimal("12.50");
    // The replica has the product and its first price; every read is cached at that price.
    awaitReplicaPrice(before);
    for (String list : lists) {
      assertThat(firstPrice(anonymous.get(list))).as(list).isEqualByComparingTo(before);
    }
    assertThat(price(anonymous.get(detail).json())).isEqualByComparingTo(before);

    replica.pauseReplay();
    try {
      ApiResponse changed =
          seller
              .api()
              .put("/api/sellers/products/" + productId, new JsonObject().put("price", after));
      assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
      // The node heard of the change before it answered it: the detail, a read about that product,
      // skips the replica that lacks it, and the change emptied the cache.
      assertThat(price(anonymous.get(detail).json())).as("detail").isEqualByComparingTo(after);
      // A list asks for no position: the lagging replica answers it with the old price, within
      // the window docs/architecture.md gives anonymous lists. Asked again and again, it must
      // come from the replica each time, not be kept.
      for (int i = 0; i < 5; i++) {
        for (String list : lists) {
          assertThat(firstPrice(anonymous.get(list)))
              .as(list + " on the lagging replica, read " + i)
              .isEqualByComparingTo(before);
        }
      }
    } finally {
      replica.resumeReplay();
    }

    // Once the replica has the change (and a lag check saw it), nobody is shown the old price.
    awaitReplicaPrice(after);
    Thread.sleep(2 * 250 + 100);
    for (int i = 0; i < 20; i++) {
      for (String list : lists) {
        assertThat(firstPrice(anonymous.get(list)))
            .as(list + " after the replica caught up, read " + i)
            .isEqualByComparingTo(after);
      }
      assertThat(price(anonymous.get(detail).json())).as("detail").isEqualByComparingTo(after);
    }
  }

  private static void awaitReplicaPrice(BigDecimal price) throws InterruptedException {
    Eventually.until(() -> price.compareTo(replicaPrice()) == 0, Duration.ofSeconds(10));
  }

  /** The product's price as the replica has it, read on it directly. */
  private static BigDecimal replicaPrice() {
    try {
      return BigDecimal.valueOf(
              replica.queryLong(
                  "marketplace",
                  "SELECT (price * 100)::bigint FROM products WHERE id = " + productId))
          .movePointLeft(2);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BigDecimal firstPrice(ApiResponse page) {
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    return price(page.json().getJsonArray("products").getJsonObject(0));
  }

  private static BigDecimal price(JsonObject product) {
    return new BigDecimal(product.getValue("price").toString());
  }
}
