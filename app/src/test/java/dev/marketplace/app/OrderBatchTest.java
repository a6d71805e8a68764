package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.common.bus.Invalidations;
import dev.marketplace.common.bus.Invalidations.Invalidation;
import io.vertx.core.Future;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Orders that queue behind busy database round trips are placed several to a transaction, and each
 * still gets the answer it would have got alone.
 */
class OrderBatchTest extends ApiTest {

  private static final String ORDERS = "/api/buyers/orders";

  @Test
  void queuedOrdersShareTransactionsAndEachKeepsItsOwnOutcome() throws Exception {
    Account seller = fixtures.seller("Batch Shop");
    long lamp = fixtures.product(seller, "Lamp", "Home", "20.00", 20).getLong("id");
    long rug = fixtures.product(seller, "Rug", "Home", "75.50", 5).getLong("id");
    long vase = fixtures.product(seller, "Vase", "Home", "9.99", 10).getLong("id");
    long unknown = rug + 1_000_000;
    List<Account> buyers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      buyers.add(fixtures.buyer("Batch Buyer " + i));
    }

    List<Future<ApiResponse>> lampOrders = new ArrayList<>();
    List<Future<ApiResponse>> rugOrders = new ArrayList<>();
    List<Future<ApiResponse>> tooMany = new ArrayList<>();
    List<Future<ApiResponse>> unknownOrders = new ArrayList<>();
    List<Future<ApiResponse>> retries = new ArrayList<>();
    // Far more orders at once than lanes (MARKETPLACE_ORDER_LANES per instance): most queue and go
    // in batches.
    for (int i = 0; i < 60; i++) {
      Account buyer = buyers.get(i % buyers.size());
      lampOrders.add(order(buyer, lamp, 1, null));
      if (i % 2 == 0) {
        rugOrders.add(order(buyer, rug, 2, null));
      }
      if (i % 4 == 0) {
        tooMany.add(order(buyer, lamp, 1000, null));
        unknownOrders.add(order(buyer, unknown, 1, null));
      }
      if (i % 12 == 0) {
        retries.add(order(buyers.getFirst(), vase, 1, "same-vase"));
      }
    }

    assertThat(statuses(lampOrders)).isEqualTo(Map.of(201, 20L, 409, 40L));
    assertThat(statuses(rugOrders)).isEqualTo(Map.of(201, 2L, 409, 28L));
    assertThat(statuses(tooMany)).isEqualTo(Map.of(409, 15L));
    assertThat(statuses(unknownOrders)).isEqualTo(Map.of(404, 15L));
    assertThat(rugOrders.stream().map(Future::result).filter(answer -> answer.status() == 409))
        .as("a refusal names what is left, as orders one after the other would")
        .allSatisfy(
            refused ->
                assertThat(refused.json().getString("message"))
                    .isEqualTo("Only 1 of product " + rug + " left, 2 requested."));
    assertThat(statuses(retries)).isEqualTo(Map.of(201, 5L));
    assertThat(retries.stream().map(answer -> answer.result().json().getLong("id")).distinct())
        .as("one Idempotency-Key, one order")
        .hasSize(1);

    assertThat(stock(lamp)).isEqualTo(0);
    assertThat(stock(rug)).isEqualTo(1);
    assertThat(stock(vase)).isEqualTo(9);
    String both = lamp + ", " + rug;
    assertThat(database.queryLong("SELECT count(*) FROM orders WHERE product_id IN (" + both + ")"))
        .isEqualTo(22);
    assertThat(
            database.queryLong(
                "SELECT count(*) FROM orders o WHERE product_id IN ("
                    + both
                    + ") AND (NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id)"
                    + " OR NOT EXISTS (SELECT 1 FROM order_tracking t WHERE t.order_id = o.id))"))
        .as("every order has its line and its history row")
        .isZero();
    assertThat(
            database.queryLong(
                "SELECT count(DISTINCT xmin::text) FROM orders WHERE product_id IN (" + both + ")"))
        .as("orders were committed several to a transaction")
        .isLessThan(22);
  }

  @Test
  void aStockRowLockedForLongHoldsUpOnlyTheOrdersOfItsProduct() throws Exception {
    Account seller = fixtures.seller("Busy Shop");
    long held = fixtures.product(seller, "Held", "Home", "5.00", 50).getLong("id");
    long free = fixtures.product(seller, "Free", "Home", "6.00", 50).getLong("id");
    Account buyer = fixtures.buyer("Patient Buyer");

    List<Future<ApiResponse>> heldOrders = new ArrayList<>();
    List<Future<ApiResponse>> freeOrders = new ArrayList<>();
    try (Connection holder = database.connect()) {
      // A long transaction on one product's stock, as a seller's large import would hold.
      holder.setAutoCommit(false);
      try (Statement lock = holder.createStatement()) {
        lock.execute("SELECT 1 FROM product_stock WHERE product_id = " + held + " FOR UPDATE");
      }
      // Fewer waiting orders than connections: each waits on a connection of its own, as it
      // would without batching, and the rest of the pool serves the other product.
      for (int i = 0; i < 20; i++) {
        if (i % 4 == 0) {
          heldOrders.add(order(buyer, held, 1, null));
        }
        freeOrders.add(order(buyer, free, 1, null));
      }
      Future.all(freeOrders).await(3, TimeUnit.SECONDS);
      assertThat(heldOrders).as("still waiting for the lock").noneMatch(Future::isComplete);
      holder.commit();
    }

    assertThat(statuses(freeOrders)).isEqualTo(Map.of(201, 20L));
    assertThat(statuses(heldOrders)).isEqualTo(Map.of(201, 5L));
    assertThat(stock(held)).isEqualTo(45);
    assertThat(stock(free)).isEqualTo(30);
  }

  @Test
  void ordersPlacedTogetherTellTheApiNodesOncePerTransaction() throws Exception {
    Account seller = fixtures.seller("Notice Shop");
    Account buyer = fixtures.buyer("Notice Buyer");
    Set<String> products = new HashSet<>();
    for (int i = 0; i < 6; i++) {
      products.add(
          Long.toString(
              fixtures.product(seller, "Notice Item " + i, "Home", "5.00", 100).getLong("id")));
    }
    // Subscribed after the fixtures answered: notices of their own went out before that.
    List<Invalidation> heard = new CopyOnWriteArrayList<>();
    MessageConsumer<JsonObject> listener =
        Invalidations.subscribe(
            vertx,
            Invalidations.PRODUCTS,
            notice -> {
              if (notice.keys().stream().anyMatch(products::contains)) {
                heard.add(notice);
              }
            });
    listener.completion().await();

    List<Future<ApiResponse>> answers = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      answers.add(order(buyer, Long.parseLong(List.copyOf(products).get(i % 6)), 1, null));
    }

    assertThat(statuses(answers)).isEqualTo(Map.of(201, 60L));
    long transactions =
        database.queryLong(
            "SELECT count(DISTINCT xmin::text) FROM orders WHERE product_id IN ("
                + String.join(", ", products)
                + ")");
    assertThat(transactions).as("orders were committed several to a transaction").isLessThan(60);
    assertThat(heard.size())
        .as("at most one notice per transaction, not one per order")
        .isLessThanOrEqualTo((int) transactions);
    assertThat(heard.stream().flatMap(notice -> notice.keys().stream()))
        .as("every product whose stock moved is named")
        .containsAll(products);
    listener.unregister().await();
  }

  private Future<ApiResponse> order(Account buyer, long productId, int quantity, String key) {
    JsonObject body = new JsonObject().put("product_id", productId).put("quantity", quantity);
    return buyer.api().postLater(ORDERS, body, key);
  }

  private static Map<Integer, Long> statuses(List<Future<ApiResponse>> answers) {
    Future.all(answers).await();
    return answers.stream()
        .map(Future::result)
        .collect(Collectors.groupingBy(ApiResponse::status, Collectors.counting()));
  }

  private long stock(long productId) throws Exception {
    return database.queryLong(
        "SELECT inventory FROM product_stock WHERE product_id = " + productId);
  }
}
