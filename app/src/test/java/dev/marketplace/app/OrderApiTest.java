package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class OrderApiTest extends ApiTest {

  @Test
  void placesAnOrderAtQuantityTimesPriceAndTakesTheStock() throws Exception {
    Account seller = fixtures.seller("Order Shop");
    Account buyer = fixtures.buyer("Olga");
    long productId =
        fixtures.product(seller, "Headphones", "Electronics", "19.99", 10).getLong("id");

    ApiResponse response = fixtures.tryOrder(buyer, productId, 3);

    assertThat(response.status()).isEqualTo(201);
    JsonObject order = response.json();
    assertThat(order.getLong("buyer_id")).isEqualTo(buyer.id());
    assertThat(order.getLong("seller_id")).isEqualTo(seller.id());
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
    Account seller = fixtures.seller("Big Ticket");
    Account buyer = fixtures.buyer("Rich");
    long productId =
        fixtures.product(seller, "Yacht", "Other", "9999999999.99", 10000).getLong("id");

    ApiResponse placed = fixtures.tryOrder(buyer, productId, 10000);

    assertThat(placed.status()).isEqualTo(201);
    assertThat(placed.body().toString()).contains("\"total_price\":99999999999900.00");
  }

  @Test
  void refusesAnOrderBeyondTheStockAndLeavesTheStockAlone() throws Exception {
    Account seller = fixtures.seller("Short Shop");
    Account buyer = fixtures.buyer("Sam");
    long productId = fixtures.product(seller, "Rare Vinyl", "Other", "30.00", 2).getLong("id");

    ApiResponse response = fixtures.tryOrder(buyer, productId, 3);

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.errorCode()).isEqualTo("insufficient_inventory");
    assertThat(response.json().getString("message")).contains("2");
    assertThat(inventoryOf(productId)).isEqualTo(2);
    assertThat(database.queryLong("SELECT count(*) FROM orders WHERE product_id = " + productId))
        .isZero();
  }

  @Test
  void anInactiveProductCannotBeOrdered() throws Exception {
    Account seller = fixtures.seller("Paused Shop");
    Account buyer = fixtures.buyer("Pat");
    long productId = fixtures.product(seller, "Paused", "Other", "5.00", 5).getLong("id");
    fixtures.change(seller, productId, new JsonObject().put("is_active", false));

    ApiResponse response = fixtures.tryOrder(buyer, productId, 1);

    assertThat(response.status()).isEqualTo(404);
    assertThat(inventoryOf(productId)).isEqualTo(5);
  }

  @Test
  void refusesUnknownProductsAndBadQuantities() throws Exception {
    Account seller = fixtures.seller("Picky Shop");
    Account buyer = fixtures.buyer("Quinn");
    long productId = fixtures.product(seller, "Thing", "Other", "5.00", 5).getLong("id");
    JsonObject valid = new JsonObject().put("product_id", productId).put("quantity", 1);

    assertThat(
            buyer
                .api()
                .post("/api/buyers/orders", valid.copy().put("product_id", 987654321))
                .status())
        .isEqualTo(404);
    for (Object quantity : new Object[] {0, -1, 1.5, "2", 10001}) {
      ApiResponse response =
          buyer.api().post("/api/buyers/orders", valid.copy().put("quantity", quantity));
      assertThat(response.status()).as("quantity %s", quantity).isEqualTo(400);
    }
    assertThat(inventoryOf(productId)).isEqualTo(5);
  }

  @Test
  void aBuyerListsOwnOrdersNewestFirstWithProductAndSellerNames() {
    Account seller = fixtures.seller("History Shop");
    Account potter = fixtures.seller("Potter's Wheel");
    Account buyer = fixtures.buyer("Hana");
    Account otherBuyer = fixtures.buyer("Other");
    long tea = fixtures.product(seller, "Green Tea", "Home", "4.50", 10).getLong("id");
    long cup = fixtures.product(potter, "Tea Cup", "Home", "6.00", 10).getLong("id");
    long first = fixtures.order(buyer, tea, 2).getLong("id");
    long second = fixtures.order(buyer, cup, 1).getLong("id");
    fixtures.order(otherBuyer, cup, 1);

    ApiResponse response = buyer.api().get("/api/buyers/" + buyer.id() + "/orders");

    assertThat(response.status()).isEqualTo(200);
    JsonArray orders = response.json().getJsonArray("orders");
    assertThat(CatalogApiTest.ids(orders)).containsExactly(second, first);
    assertThat(orders.getJsonObject(1).getString("product_name")).isEqualTo("Green Tea");
    assertThat(response.body().toString()).contains("\"total_price\":9.00");
    assertThat(orders.getJsonObject(0).getString("seller_name")).isEqualTo("Potter's Wheel");
    assertThat(orders.getJsonObject(1).getString("seller_name")).isEqualTo("History Shop");
    assertThat(orders.getJsonObject(1).getString("created_at")).endsWith("Z");
  }

  @Test
  void aSellerListsOrdersOfOwnProductsWithBuyerNames() {
    Account seller = fixtures.seller("Fulfil Shop");
    Account otherSeller = fixtures.seller("Other Fulfil Shop");
    Account buyer = fixtures.buyer("Bea");
    long mine = fixtures.product(seller, "Mine", "Home", "1.00", 10).getLong("id");
    long theirs = fixtures.product(otherSeller, "Theirs", "Home", "1.00", 10).getLong("id");
    long order = fixtures.order(buyer, mine, 1).getLong("id");
    fixtures.order(buyer, theirs, 1);

    JsonArray orders =
        seller.api().get("/api/sellers/" + seller.id() + "/orders").json().getJsonArray("orders");

    assertThat(CatalogApiTest.ids(orders)).containsExactly(order);
    assertThat(orders.getJsonObject(0).getString("buyer_name")).isEqualTo("Bea");
    assertThat(orders.getJsonObject(0).getString("product_name")).isEqualTo("Mine");
    assertThat(orders.getJsonObject(0).containsKey("seller_name")).isFalse();
  }

  @Test
  void newAccountsHaveEmptyOrderLists() {
    Account buyer = fixtures.buyer("New Buyer");
    Account seller = fixtures.seller("New Seller");

    ApiResponse buyerOrders = buyer.api().get("/api/buyers/" + buyer.id() + "/orders");
    assertThat(buyerOrders.json().getJsonArray("orders")).isEmpty();
    assertThat(buyerOrders.json().getString("next_cursor")).isNull();
    assertThat(
            seller
                .api()
                .get("/api/sellers/" + seller.id() + "/orders")
                .json()
                .getJsonArray("orders"))
        .isEmpty();
  }

  @Test
  void refusesUnknownOrdersAndStatuses() throws Exception {
    Account seller = fixtures.seller("Own Shop");
    Account buyer = fixtures.buyer("Dina");
    long productId = fixtures.product(seller, "Pen", "Other", "2.00", 5).getLong("id");
    long orderId = fixtures.order(buyer, productId, 1).getLong("id");

    ApiResponse missing =
        seller
            .api()
            .put(
                "/api/sellers/orders/987654321/status",
                new JsonObject().put("status", "delivered"));
    ApiResponse unknownStatus =
        seller
            .api()
            .put(
                "/api/sellers/orders/" + orderId + "/status",
                new JsonObject().put("status", "teleported"));

    assertThat(missing.status()).isEqualTo(404);
    assertThat(unknownStatus.status()).isEqualTo(400);
    assertThat(
            database.queryLong(
                "SELECT count(*) FROM orders WHERE id = " + orderId + " AND status = 'pending'"))
        .isEqualTo(1);
  }

  private static long inventoryOf(long productId) throws Exception {
    return database.queryLong(
        "SELECT inventory FROM product_stock WHERE product_id = " + productId);
  }
}
