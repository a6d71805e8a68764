package dev.marketplace.app;

import static dev.marketplace.app.Fixtures.cart;
import static dev.marketplace.app.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The stock and units sold of {@code product_stock} stay exact while orders, checkouts,
 * cancellations and sellers' changes run at once, and a seller's change that runs while an order is
 * being placed comes out as if one had run before the other.
 */
class StockConcurrencyTest extends ApiTest {

  private static final int STOCK = 30;

  @Test
  void ordersCheckoutsCancellationsAndSellersChangesKeepTheCountersExact() throws Exception {
    Account seller = fixtures.seller("Busy Shop");
    List<Account> buyers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      buyers.add(fixtures.buyer("Busy Buyer " + i));
    }
    long[] products = new long[3];
    for (int i = 0; i < products.length; i++) {
      products[i] = fixtures.product(seller, "Busy " + i, "Other", "2.00", STOCK).getLong("id");
    }
    List<Long> toCancel = new ArrayList<>();
    List<Account> cancelledBy = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Account buyer = buyers.get(i % buyers.size());
      toCancel.add(fixtures.order(buyer, products[i % products.length], 2).getLong("id"));
      cancelledBy.add(buyer);
    }

    List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
    List<Future<HttpResponse<Buffer>>> adjustments = new ArrayList<>();
    List<Integer> changes = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Account buyer = buyers.get(i % buyers.size());
      long product = products[i % products.length];
      calls.add(
          buyer
              .api()
              .sendAsync(
                  HttpMethod.POST,
                  "/api/buyers/orders",
                  new JsonObject().put("product_id", product).put("quantity", 1 + i % 3)));
      if (i % 3 == 0) {
        calls.add(
            buyer
                .api()
                .sendAsync(
                    HttpMethod.POST,
                    "/api/buyers/checkout",
                    cart(line(products[(i + 2) % 3], 1), line(products[(i + 1) % 3], 2))));
      }
      if (i < toCancel.size()) {
        calls.add(
            cancelledBy
                .get(i)
                .api()
                .sendAsync(
                    HttpMethod.POST,
                    "/api/buyers/orders/" + toCancel.get(i) + "/cancel",
                    new JsonObject()));
      }
      if (i % 4 == 0) {
        int change = i % 8 == 0 ? 3 : -2;
        changes.add(change);
        adjustments.add(
            seller
                .api()
                .sendAsync(
                    HttpMethod.POST,
                    "/api/sellers/products/" + product + "/stock",
                    new JsonObject().put("change", change)));
      }
      if (i % 5 == 0) {
        calls.add(
            seller
                .api()
                .sendAsync(
                    HttpMethod.PUT,
                    "/api/sellers/products/" + product,
                    new JsonObject().put("price", new BigDecimal("2." + i))));
      }
    }
    calls.addAll(adjustments);
    Future.join(new ArrayList<>(calls)).otherwiseEmpty().await();

    Set<Integer> statuses =
        calls.stream().map(call -> call.result().statusCode()).collect(Collectors.toSet());
    assertThat(statuses).as("every call answered, none deadlocked").isSubsetOf(200, 201, 409);
    for (int i = 0; i < products.length; i++) {
      long product = products[i];
      int adjusted = 0;
      for (int k = 0; k < adjustments.size(); k++) {
        Future<HttpResponse<Buffer>> adjustment = adjustments.get(k);
        if (adjustment.result().statusCode() == 200
            && adjustment.result().bodyAsJsonObject().getLong("id") == product) {
          adjusted += changes.get(k);
        }
      }
      long ordered =
          database.queryLong(
              "SELECT coalesce(sum(i.quantity), 0) FROM order_items i"
                  + " JOIN orders o ON o.id = i.order_id"
                  + " WHERE o.status <> 'cancelled' AND i.product_id = "
                  + product);
      assertThat(stock(product, "inventory"))
          .as("stock of product %d", product)
          .isEqualTo(STOCK + adjusted - ordered);
      assertThat(stock(product, "units_sold"))
          .as("units sold of product %d", product)
          .isEqualTo(ordered);
    }
    assertThat(
            database.queryLong(
                "SELECT count(*) FROM orders WHERE status = 'cancelled' AND id IN ("
                    + toCancel.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + ")"))
        .isEqualTo(toCancel.size());
  }

  @Test
  void anOrderPlacedWhileThePriceChangesPaysTheNewPrice() throws Exception {
    Account seller = fixtures.seller("Repricing Shop");
    Account buyer = fixtures.buyer("Early Buyer");
    long product = fixtures.product(seller, "Teapot", "Kitchen", "20.00", 5).getLong("id");

    HttpResponse<Buffer> placed =
        whileChanging("UPDATE products SET price = 25.00 WHERE id = " + product, buyer, product);

    assertThat(placed.statusCode()).as(placed.bodyAsString()).isEqualTo(201);
    assertThat(new BigDecimal(placed.bodyAsJsonObject().getValue("unit_price").toString()))
        .isEqualByComparingTo("25.00");
    assertThat(stock(product, "inventory")).isEqualTo(4);
  }

  @Test
  void anOrderPlacedWhileTheProductIsWithdrawnIsRefused() throws Exception {
    Account seller = fixtures.seller("Closing Shop");
    Account buyer = fixtures.buyer("Late Buyer");
    long product = fixtures.product(seller, "Vase", "Home", "15.00", 5).getLong("id");

    HttpResponse<Buffer> placed =
        whileChanging(
            "UPDATE products SET is_active = false WHERE id = " + product, buyer, product);

    assertThat(placed.statusCode()).as(placed.bodyAsString()).isEqualTo(404);
    assertThat(stock(product, "inventory")).isEqualTo(5);
    assertThat(database.queryLong("SELECT count(*) FROM orders WHERE product_id = " + product))
        .isZero();
  }

  /**
   * Places an order of one unit while {@code change} of the product is in progress (done, not yet
   * committed), commits the change once the order waits for it, and returns the order's answer.
   */
  private static HttpResponse<Buffer> whileChanging(String change, Account buyer, long product)
      throws Exception {
    try (Connection seller = database.connect();
        Statement statement = seller.createStatement()) {
      seller.setAutoCommit(false);
      statement.executeUpdate(change);
      Future<HttpResponse<Buffer>> order =
          buyer
              .api()
              .sendAsync(
                  HttpMethod.POST,
                  "/api/buyers/orders",
                  new JsonObject().put("product_id", product).put("quantity", 1));
      awaitASessionWaitingForALock();
      seller.commit();
      return order.await();
    }
  }

  private static void awaitASessionWaitingForALock() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (database.queryLong(
            "SELECT count(*) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND wait_event_type = 'Lock'")
        == 0) {
      assertThat(System.nanoTime()).as("the order waits for the change").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private static long stock(long productId, String column) throws Exception {
    return database.queryLong(
        "SELECT " + column + " FROM product_stock WHERE product_id = " + productId);
  }
}
