package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class OrderApiTest extends ApiTest {

  @Test
  void placesAnOrderAtQuantityTimesPriceAndTakesTheStock() throws Exception {
    long sellerId = fixtures.seller("Order Shop").getLong("id");
    JsonObject buyer = fixtures.buyer("Olga");
    long productId =
        fixtures.product(sellerId, "Headphones", "Electronics", "19.99", 10).getLong("id");

    ApiResponse response =
        api.post(
            "/api/buyers/orders",
            new JsonObject()
                .put("buyer_id", buyer.getLong("id"))
                .put("product_id", productId)
                .put("quantity", 3));

    assertThat(response.status()).isEqualTo(201);
    JsonObject order = response.json();
    assertThat(order.getLong("buyer_id")).isEqualTo(buyer.getLong("id"));
    assertThat(order.getLong("seller_id")).isEqualTo(sellerId);
    assertThat(order.getLong("product_id")).isEqualTo(productId);
    assertThat(order.getInteger("quantity")).isEqualTo(3);
    assertThat(order.getString("status")).isEqualTo("pending");
    assertThat(response.body().toString())
        .contains("\"unit_price\":19.99", "\"total_price\":59.97");
    assertThat(inventoryOf(productId)).isEqualTo(7);
    assertThat(
            database.queryLong(
                "SELECT count(*) FROM order_tracking WHERE order_id = " + order.getLong("id")))
        .isEqualTo(1);
  }

  @Test
  void keepsTheTotalExactForLargeAmounts() {
    long sellerId = fixtures.seller("Big Ticket").getLong("id");
    long buyerId = fixtures.buyer("Rich").getLong("id");
    long productId =
        fixtures.product(sellerId, "Yacht", "Other", "9999999999.99", 10000).getLong("id");

    ApiResponse placed =
        api.post(
            "/api/buyers/orders",
            new JsonObject()
                .put("buyer_id", buyerId)
                .put("product_id", productId)
                .put("quantity", 10000));

    assertThat(placed.status()).isEqualTo(201);
    assertThat(placed.body().toString()).contains("\"total_price\":99999999999900.00");
  }

  @Test
  void refusesAnOrderBeyondTheStockAndLeavesTheStockAlone() throws Exception {
    long sellerId = fixtures.seller("Short Shop").getLong("id");
    long buyerId = fixtures.buyer("Sam").getLong("id");
    long productId = fixtures.product(sellerId, "Rare Vinyl", "Other", "30.00", 2).getLong("id");

    ApiResponse response =
        api.post(
            "/api/buyers/orders",
            new JsonObject()
                .put("buyer_id", buyerId)
                .put("product_id", productId)
                .put("quantity", 3));

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.errorCode()).isEqualTo("insufficient_inventory");
    assertThat(response.json().getString("message")).contains("2");
    assertThat(inventoryOf(productId)).isEqualTo(2);
    assertThat(database.queryLong("SELECT count(*) FROM orders WHERE product_id = " + productId))
        .isZero();
  }

  @Test
  void anInactiveProductCannotBeOrdered() throws Exception {
    long sellerId = fixtures.seller("Paused Shop").getLong("id");
    long buyerId = fixtures.buyer("Pat").getLong("id");
    long productId = fixtures.product(sellerId, "Paused", "Other", "5.00", 5).getLong("id");
    api.put(
        "/api/sellers/products/" + productId,
        new JsonObject().put("seller_id", sellerId).put("is_active", false));

    ApiResponse response =
        api.post(
            "/api/buyers/orders",
            new JsonObject()
                .put("buyer_id", buyerId)
                .put("product_id", productId)
                .put("quantity", 1));

    assertThat(response.status()).isEqualTo(404);
    assertThat(inventoryOf(productId)).isEqualTo(5);
  }

  @Test
  void refusesUnknownBuyersProductsAndBadQuantities() throws Exception {
    long sellerId = fixtures.seller("Picky Shop").getLong("id");
    long buyerId = fixtures.buyer("Quinn").getLong("id");
    long productId = fixtures.product(sellerId, "Thing", "Other", "5.00", 5).getLong("id");
    JsonObject valid =
        new JsonObject().put("buyer_id", buyerId).put("product_id", productId).put("quantity", 1);

    assertThat(api.post("/api/buyers/orders", valid.copy().put("product_id", 987654321)).status())
        .isEqualTo(404);
    assertThat(api.post("/api/buyers/orders", valid.copy().put("buyer_id", 987654321)).status())
        .isEqualTo(404);
    assertThat(api.post("/api/buyers/orders", valid.copy().put("buyer_id", sellerId)).status())
        .as("a seller is not a buyer")
        .isEqualTo(404);
    for (Object quantity : new Object[] {0, -1, 1.5, "2", 10001}) {
      ApiResponse response = api.post("/api/buyers/orders", valid.copy().put("quantity", quantity));
      assertThat(response.status()).as("quantity %s", quantity).isEqualTo(400);
    }
    assertThat(inventoryOf(productId)).isEqualTo(5);
  }

  @Test
  void aBuyerListsOwnOrdersNewestFirstWithProductNames() {
    long sellerId = fixtures.seller("History Shop").getLong("id");
    long buyerId = fixtures.buyer("Hana").getLong("id");
    long otherBuyer = fixtures.buyer("Other").getLong("id");
    long tea = fixtures.product(sellerId, "Green Tea", "Home", "4.50", 10).getLong("id");
    long cup = fixtures.product(sellerId, "Tea Cup", "Home", "6.00", 10).getLong("id");
    long first = fixtures.order(buyerId, tea, 2).getLong("id");
    long second = fixtures.order(buyerId, cup, 1).getLong("id");
    fixtures.order(otherBuyer, cup, 1);

    ApiResponse response = api.get("/api/buyers/" + buyerId + "/orders");

    assertThat(response.status()).isEqualTo(200);
    JsonArray orders = response.json().getJsonArray("orders");
    assertThat(CatalogApiTest.ids(orders)).containsExactly(second, first);
    assertThat(orders.getJsonObject(1).getString("product_name")).isEqualTo("Green Tea");
    assertThat(response.body().toString()).contains("\"total_price\":9.00");
    assertThat(orders.getJsonObject(1).getString("created_at")).endsWith("Z");
  }

  @Test
  void aSellerListsOrdersOfOwnProductsWithBuyerNames() {
    long sellerId = fixtures.seller("Fulfil Shop").getLong("id");
    long otherSeller = fixtures.seller("Other Fulfil Shop").getLong("id");
    long buyerId = fixtures.buyer("Bea").getLong("id");
    long mine = fixtures.product(sellerId, "Mine", "Home", "1.00", 10).getLong("id");
    long theirs = fixtures.product(otherSeller, "Theirs", "Home", "1.00", 10).getLong("id");
    long order = fixtures.order(buyerId, mine, 1).getLong("id");
    fixtures.order(buyerId, theirs, 1);

    JsonArray orders =
        api.get("/api/sellers/" + sellerId + "/orders").json().getJsonArray("orders");

    assertThat(CatalogApiTest.ids(orders)).containsExactly(order);
    assertThat(orders.getJsonObject(0).getString("buyer_name")).isEqualTo("Bea");
    assertThat(orders.getJsonObject(0).getString("product_name")).isEqualTo("Mine");
  }

  @Test
  void orderListsOfUnknownPeopleAreNotFoundAndEmptyListsAreEmpty() {
    long buyerId = fixtures.buyer("New Buyer").getLong("id");
    long sellerId = fixtures.seller("New Seller").getLong("id");

    assertThat(api.get("/api/buyers/987654321/orders").status()).isEqualTo(404);
    assertThat(api.get("/api/sellers/987654321/orders").status()).isEqualTo(404);
    assertThat(api.get("/api/buyers/" + sellerId + "/orders").status()).isEqualTo(404);
    assertThat(api.get("/api/sellers/" + buyerId + "/orders").status()).isEqualTo(404);
    assertThat(api.get("/api/buyers/" + buyerId + "/orders").json().getJsonArray("orders"))
        .isEmpty();
    assertThat(api.get("/api/sellers/" + sellerId + "/orders").json().getJsonArray("orders"))
        .isEmpty();
  }

  @Test
  void theSellerCompletesAPendingOrderOnce() throws Exception {
    long sellerId = fixtures.seller("Complete Shop").getLong("id");
    long buyerId = fixtures.buyer("Cleo").getLong("id");
    long productId = fixtures.product(sellerId, "Book", "Other", "12.00", 5).getLong("id");
    long orderId = fixtures.order(buyerId, productId, 1).getLong("id");
    JsonObject complete = new JsonObject().put("seller_id", sellerId).put("status", "completed");

    ApiResponse first = api.put("/api/sellers/orders/" + orderId + "/status", complete);
    ApiResponse again = api.put("/api/sellers/orders/" + orderId + "/status", complete);

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().getString("status")).isEqualTo("completed");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorCode()).isEqualTo("invalid_transition");
    assertThat(
            database.queryLong(
                "SELECT count(*) FROM order_tracking WHERE order_id = "
                    + orderId
                    + " AND status = 'completed' AND actor_id = "
                    + sellerId))
        .isEqualTo(1);
  }

  @Test
  void onlyTheOwningSellerChangesAnOrdersStatus() throws Exception {
    long sellerId = fixtures.seller("Own Shop").getLong("id");
    long intruder = fixtures.seller("Snoop Shop").getLong("id");
    long buyerId = fixtures.buyer("Dina").getLong("id");
    long productId = fixtures.product(sellerId, "Pen", "Other", "2.00", 5).getLong("id");
    long orderId = fixtures.order(buyerId, productId, 1).getLong("id");

    ApiResponse byIntruder =
        api.put(
            "/api/sellers/orders/" + orderId + "/status",
            new JsonObject().put("seller_id", intruder).put("status", "completed"));
    ApiResponse missing =
        api.put(
            "/api/sellers/orders/987654321/status",
            new JsonObject().put("seller_id", sellerId).put("status", "completed"));
    ApiResponse unknownStatus =
        api.put(
            "/api/sellers/orders/" + orderId + "/status",
            new JsonObject().put("seller_id", sellerId).put("status", "teleported"));

    assertThat(byIntruder.status()).isEqualTo(403);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(unknownStatus.status()).isEqualTo(400);
    assertThat(
            database.queryLong(
                "SELECT count(*) FROM orders WHERE id = " + orderId + " AND status = 'pending'"))
        .isEqualTo(1);
  }

  private static long inventoryOf(long productId) throws Exception {
    return database.queryLong("SELECT inventory FROM products WHERE id = " + productId);
  }
}
