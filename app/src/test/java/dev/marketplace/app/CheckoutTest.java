package dev.marketplace.app;

import static dev.marketplace.app.Fixtures.cart;
import static dev.marketplace.app.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Carts: several products of several sellers, all or nothing, one order per seller. */
class CheckoutTest extends ApiTest {

  @Test
  void makesOneOrderPerSellerWithExactTotals() throws Exception {
    Account lamps = fixtures.seller("Lamp Seller");
    Account books = fixtures.seller("Book Seller");
    Account buyer = fixtures.buyer("Cart Buyer");
    long lamp = fixtures.product(lamps, "Lamp", "Home", "19.99", 10).getLong("id");
    long bulb = fixtures.product(lamps, "Bulb", "Home", "2.50", 10).getLong("id");
    long novel = fixtures.product(books, "Novel", "Books", "12.00", 10).getLong("id");

    ApiResponse response =
        buyer
            .api()
            .post(
                "/api/buyers/checkout",
                cart(line(lamp, 2), line(novel, 1), line(bulb, 3), line(bulb, 1)));

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    JsonObject checkout = response.json();
    assertThat(response.body().toString()).contains("\"total_price\":61.98");
    JsonArray orders = checkout.getJsonArray("orders");
    assertThat(orders).hasSize(2);
    JsonObject lampOrder = orderOf(orders, lamps.id());
    JsonObject bookOrder = orderOf(orders, books.id());
    assertThat(lampOrder.getJsonArray("items")).hasSize(2);
    assertThat(lampOrder.getValue("product_id")).as("several lines").isNull();
    assertThat(bookOrder.getLong("product_id")).isEqualTo(novel);
    assertThat(bookOrder.getString("checkout_id")).isEqualTo(checkout.getString("checkout_id"));
    assertThat(lampOrder.getString("checkout_id")).isEqualTo(checkout.getString("checkout_id"));
    assertThat(inventoryOf(lamp)).isEqualTo(8);
    assertThat(inventoryOf(bulb)).as("repeated lines add up").isEqualTo(6);
    assertThat(inventoryOf(novel)).isEqualTo(9);
    assertThat(
            database.queryString(
                "SELECT total_price::text FROM orders WHERE id = " + lampOrder.getLong("id")))
        .isEqualTo("49.98");
  }

  @Test
  void orderListsShowTheLinesOfEveryOrder() throws Exception {
    Account lamps = fixtures.seller("Lamp Seller");
    Account buyer = fixtures.buyer("Cart Buyer");
    long lamp = fixtures.product(lamps, "Lamp", "Home", "19.99", 10).getLong("id");
    long bulb = fixtures.product(lamps, "Bulb", "Home", "2.50", 10).getLong("id");
    ApiResponse single = buyer.api().post("/api/buyers/orders", line(lamp, 1));
    assertThat(single.status()).as(single.toString()).isEqualTo(201);
    ApiResponse checkout =
        buyer.api().post("/api/buyers/checkout", cart(line(lamp, 2), line(bulb, 3)));
    assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);

    for (ApiResponse list :
        List.of(
            buyer.api().get("/api/buyers/" + buyer.id() + "/orders"),
            lamps.api().get("/api/sellers/" + lamps.id() + "/orders"))) {
      assertThat(list.status()).as(list.toString()).isEqualTo(200);
      JsonArray orders = list.json().getJsonArray("orders");
      assertThat(orders).hasSize(2);
      assertThat(lines(orders.getJsonObject(0)))
          .as("the cart's order, newest first")
          .containsExactly("2 x Lamp = 39.98", "3 x Bulb = 7.50");
      assertThat(lines(orders.getJsonObject(1))).containsExactly("1 x Lamp = 19.99");
    }
  }

  private static List<String> lines(JsonObject order) {
    return order.getJsonArray("items").stream()
        .map(JsonObject.class::cast)
        .map(
            item ->
                item.getInteger("quantity")
                    + " x "
                    + item.getString("product_name")
                    + " = "
                    + new BigDecimal(item.getValue("line_total").toString()).setScale(2))
        .toList();
  }

  @Test
  void oneShortLineOrdersNothing() throws Exception {
    Account seller = fixtures.seller("Short Cart Shop");
    Account buyer = fixtures.buyer("Unlucky");
    long plenty = fixtures.product(seller, "Plenty", "Other", "1.00", 100).getLong("id");
    long scarce = fixtures.product(seller, "Scarce", "Other", "1.00", 1).getLong("id");
    long paused = fixtures.product(seller, "Paused", "Other", "1.00", 5).getLong("id");
    fixtures.change(seller, paused, new JsonObject().put("is_active", false));

    ApiResponse short_ =
        buyer.api().post("/api/buyers/checkout", cart(line(plenty, 5), line(scarce, 2)));
    ApiResponse inactive =
        buyer.api().post("/api/buyers/checkout", cart(line(plenty, 5), line(paused, 1)));

    assertThat(short_.status()).isEqualTo(409);
    assertThat(short_.errorCode()).isEqualTo("insufficient_inventory");
    assertThat(short_.json().getString("message")).contains("product " + scarce);
    assertThat(inactive.status()).isEqualTo(404);
    assertThat(inventoryOf(plenty)).isEqualTo(100);
    assertThat(inventoryOf(scarce)).isEqualTo(1);
    assertThat(database.queryLong("SELECT count(*) FROM orders WHERE buyer_id = " + buyer.id()))
        .isZero();
  }

  @Test
  void cancellingACartOrderReturnsEveryLine() throws Exception {
    Account seller = fixtures.seller("Return Cart Shop");
    Account buyer = fixtures.buyer("Returner");
    long cup = fixtures.product(seller, "Cup", "Home", "4.00", 10).getLong("id");
    long plate = fixtures.product(seller, "Plate", "Home", "6.00", 10).getLong("id");
    long orderId =
        buyer
            .api()
            .post("/api/buyers/checkout", cart(line(cup, 3), line(plate, 4)))
            .json()
            .getJsonArray("orders")
            .getJsonObject(0)
            .getLong("id");

    JsonObject detail = buyer.api().get("/api/buyers/" + buyer.id() + "/orders/" + orderId).json();
    ApiResponse cancelled =
        buyer.api().post("/api/buyers/orders/" + orderId + "/cancel", new JsonObject());

    assertThat(detail.getJsonArray("items")).hasSize(2);
    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(inventoryOf(cup)).isEqualTo(10);
    assertThat(inventoryOf(plate)).isEqualTo(10);
  }

  @Test
  void aRetriedCheckoutPlacesItsOrdersOnce() throws Exception {
    Account seller = fixtures.seller("Retry Cart Shop");
    Account buyer = fixtures.buyer("Retry Cart Buyer");
    long item = fixtures.product(seller, "Item", "Other", "5.00", 10).getLong("id");
    String key = UUID.randomUUID().toString();
    JsonObject body = cart(line(item, 2));

    HttpResponse<Buffer> first =
        buyer.api().sendAsync(HttpMethod.POST, "/api/buyers/checkout", body, key).await();
    HttpResponse<Buffer> retry =
        buyer.api().sendAsync(HttpMethod.POST, "/api/buyers/checkout", body, key).await();

    assertThat(retry.bodyAsJsonObject()).isEqualTo(first.bodyAsJsonObject());
    assertThat(inventoryOf(item)).isEqualTo(8);
  }

  @RepeatedTest(3)
  void overlappingCheckoutsNeverOversellAndNeverDeadlock() throws Exception {
    Account seller = fixtures.seller("Busy Cart Shop");
    List<Account> buyers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      buyers.add(fixtures.buyer("Cart Racer " + i));
    }
    long a = fixtures.product(seller, "A", "Other", "1.00", 15).getLong("id");
    long b = fixtures.product(seller, "B", "Other", "1.00", 15).getLong("id");
    long c = fixtures.product(seller, "C", "Other", "1.00", 15).getLong("id");
    List<JsonObject> carts =
        List.of(
            cart(line(a, 1), line(b, 1)),
            cart(line(b, 1), line(a, 1)),
            cart(line(c, 2), line(a, 1), line(b, 1)),
            cart(line(b, 2), line(c, 1)));

    List<Future<HttpResponse<Buffer>>> attempts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      attempts.add(
          buyers
              .get(i % buyers.size())
              .api()
              .sendAsync(HttpMethod.POST, "/api/buyers/checkout", carts.get(i % carts.size())));
    }
    Future.all(attempts).await();

    Set<Integer> statuses =
        attempts.stream().map(r -> r.result().statusCode()).collect(Collectors.toSet());
    assertThat(statuses).as("every checkout answered, none deadlocked").isSubsetOf(201, 409);
    assertThat(statuses).contains(201, 409);
    for (long product : new long[] {a, b, c}) {
      long sold =
          database.queryLong(
              "SELECT coalesce(sum(quantity), 0) FROM order_items WHERE product_id = " + product);
      assertThat(sold + inventoryOf(product)).as("product %s", product).isEqualTo(15);
    }
  }

  private static JsonObject orderOf(JsonArray orders, long sellerId) {
    return orders.stream()
        .map(JsonObject.class::cast)
        .filter(order -> order.getLong("seller_id") == sellerId)
        .findFirst()
        .orElseThrow();
  }

  private static long inventoryOf(long productId) throws Exception {
    return database.queryLong(
        "SELECT inventory FROM product_stock WHERE product_id = " + productId);
  }
}
