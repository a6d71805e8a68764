package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order lifecycle through HTTP: every legal and illegal move, for every role. */
class OrderLifecycleTest extends ApiTest {

  private static final JsonObject SHIP =
      new JsonObject()
          .put("status", "shipped")
          .put("carrier", "DHL")
          .put("tracking_number", "JD0146000062")
          .put("location", "Berlin hub");

  @Test
  void anOrderGoesFromPendingToCompletedWithItsWholeTimeline() {
    Account seller = fixtures.seller("Life Shop");
    Account buyer = fixtures.buyer("Lina");
    long productId = fixtures.product(seller, "Kettle", "Home", "25.00", 5).getLong("id");
    long orderId = fixtures.order(buyer, productId, 1).getLong("id");

    assertThat(fixtures.pay(buyer, orderId).getString("status")).isEqualTo("processing");
    JsonObject shipped = fixtures.move(seller, orderId, SHIP);
    ApiResponse transit =
        seller
            .api()
            .post(
                "/api/sellers/orders/" + orderId + "/events",
                new JsonObject()
                    .put("location", "Leipzig sorting centre")
                    .put("notes", "In transit"));
    fixtures.move(
        seller, orderId, new JsonObject().put("status", "delivered").put("location", "Front door"));
    JsonObject completed =
        fixtures.move(seller, orderId, new JsonObject().put("status", "completed"));

    assertThat(shipped.getString("carrier")).isEqualTo("DHL");
    assertThat(shipped.getString("tracking_number")).isEqualTo("JD0146000062");
    assertThat(transit.status()).isEqualTo(201);
    assertThat(transit.json().getString("kind")).isEqualTo("shipping");
    assertThat(completed.getString("status")).isEqualTo("completed");
    assertThat(completed.getString("payment_status")).isEqualTo("captured");
    assertThat(completed.getBoolean("paid")).isTrue();

    ApiResponse detail = buyer.api().get("/api/buyers/" + buyer.id() + "/orders/" + orderId);
    assertThat(detail.status()).isEqualTo(200);
    JsonArray timeline = detail.json().getJsonArray("timeline");
    List<String> steps = new ArrayList<>();
    timeline.forEach(
        e ->
            steps.add(
                ((JsonObject) e).getString("kind") + ":" + ((JsonObject) e).getString("status")));
    assertThat(steps)
        .containsExactly(
            "status:pending",
            "status:processing",
            "status:shipped",
            "shipping:shipped",
            "status:delivered",
            "status:completed");
    assertThat(timeline.getJsonObject(2).getString("location")).isEqualTo("Berlin hub");
    assertThat(timeline.getJsonObject(3).getString("location")).isEqualTo("Leipzig sorting centre");
    assertThat(timeline.getJsonObject(1).getString("actor")).isEqualTo("system");
    assertThat(timeline.getJsonObject(2).getString("actor")).isEqualTo("seller");
    assertThat(
            seller
                .api()
                .get("/api/sellers/" + seller.id() + "/orders/" + orderId)
                .json()
                .getJsonArray("timeline"))
        .hasSize(6);
  }

  @Test
  void movesTheMachineDoesNotAllowAreRefused() throws Exception {
    Account seller = fixtures.seller("Strict Life Shop");
    Account buyer = fixtures.buyer("Ines");
    long productId = fixtures.product(seller, "Lamp", "Home", "10.00", 20).getLong("id");
    long pending = fixtures.order(buyer, productId, 1).getLong("id");

    assertThat(statusBy(seller, pending, new JsonObject().put("status", "processing")))
        .as("a seller cannot mark an order paid")
        .isEqualTo(409);
    assertThat(statusBy(seller, pending, SHIP)).as("unpaid orders do not ship").isEqualTo(409);
    assertThat(statusBy(seller, pending, new JsonObject().put("status", "delivered")))
        .isEqualTo(409);
    assertThat(statusBy(seller, pending, new JsonObject().put("status", "completed")))
        .isEqualTo(409);

    long paid = fixtures.order(buyer, productId, 1).getLong("id");
    fixtures.pay(buyer, paid);
    assertThat(statusBy(seller, paid, new JsonObject().put("status", "shipped")))
        .as("shipping needs carrier and tracking number")
        .isEqualTo(400);
    assertThat(statusBy(seller, paid, new JsonObject().put("status", "delivered"))).isEqualTo(409);
    assertThat(statusBy(seller, paid, new JsonObject().put("status", "completed"))).isEqualTo(409);
    fixtures.move(seller, paid, SHIP);
    assertThat(
            statusBy(seller, paid, new JsonObject().put("status", "cancelled").put("reason", "x")))
        .as("a shipped order cannot be cancelled")
        .isEqualTo(409);
    assertThat(
            buyer.api().post("/api/buyers/orders/" + paid + "/cancel", new JsonObject()).status())
        .isEqualTo(409);
    assertThat(statusBy(seller, paid, new JsonObject().put("status", "completed"))).isEqualTo(409);
    fixtures.move(seller, paid, new JsonObject().put("status", "delivered"));
    assertThat(statusBy(seller, paid, SHIP)).as("no going back").isEqualTo(409);
    fixtures.move(seller, paid, new JsonObject().put("status", "completed"));
    assertThat(statusBy(seller, paid, new JsonObject().put("status", "completed"))).isEqualTo(409);
    assertThat(
            buyer
                .api()
                .post(
                    "/api/buyers/orders/" + paid + "/payments",
                    new JsonObject().put("payment_method", "card").put("card_token", "tok_success"))
                .status())
        .as("a paid order cannot be paid again")
        .isEqualTo(409);
    assertThat(orderStatus(paid)).isEqualTo("completed");
  }

  @Test
  void theBuyerCancelsBeforeShippingAndTheStockComesBack() throws Exception {
    Account seller = fixtures.seller("Cancel Shop");
    Account buyer = fixtures.buyer("Carla");
    Account otherBuyer = fixtures.buyer("Nosy");
    long productId = fixtures.product(seller, "Chair", "Home", "40.00", 10).getLong("id");
    long pending = fixtures.order(buyer, productId, 3).getLong("id");
    long paid = fixtures.order(buyer, productId, 2).getLong("id");
    fixtures.pay(buyer, paid);
    assertThat(inventoryOf(productId)).isEqualTo(5);

    assertThat(
            otherBuyer
                .api()
                .post("/api/buyers/orders/" + pending + "/cancel", new JsonObject())
                .status())
        .isEqualTo(403);
    ApiResponse first =
        buyer
            .api()
            .post(
                "/api/buyers/orders/" + pending + "/cancel",
                new JsonObject().put("reason", "Wrong colour"));
    ApiResponse second =
        buyer.api().post("/api/buyers/orders/" + paid + "/cancel", new JsonObject());
    ApiResponse again =
        buyer.api().post("/api/buyers/orders/" + pending + "/cancel", new JsonObject());

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().getString("status")).isEqualTo("cancelled");
    assertThat(first.json().getString("cancel_reason")).isEqualTo("Wrong colour");
    assertThat(second.status()).isEqualTo(200);
    assertThat(again.status()).as("stock must come back only once").isEqualTo(409);
    assertThat(again.json().getString("message"))
        .isEqualTo("Order " + pending + " is already cancelled.");
    assertThat(inventoryOf(productId)).isEqualTo(10);
    assertThat(buyer.api().post("/api/buyers/orders/987654321/cancel", new JsonObject()).status())
        .isEqualTo(404);
  }

  @Test
  void theSellerCancelsOnlyWithAReason() throws Exception {
    Account seller = fixtures.seller("Reason Shop");
    Account buyer = fixtures.buyer("Rita");
    long productId = fixtures.product(seller, "Desk", "Home", "99.00", 4).getLong("id");
    long orderId = fixtures.order(buyer, productId, 4).getLong("id");

    assertThat(statusBy(seller, orderId, new JsonObject().put("status", "cancelled")))
        .isEqualTo(400);
    JsonObject cancelled =
        fixtures.move(
            seller,
            orderId,
            new JsonObject().put("status", "cancelled").put("reason", "Damaged in storage"));

    assertThat(cancelled.getString("cancel_reason")).isEqualTo("Damaged in storage");
    assertThat(inventoryOf(productId)).isEqualTo(4);
  }

  @Test
  void unpaidOrdersExpireAndReleaseTheirStock() throws Exception {
    Account seller = fixtures.seller("Expiry Shop");
    Account buyer = fixtures.buyer("Eve");
    long productId = fixtures.product(seller, "Bike", "Other", "300.00", 3).getLong("id");
    long unpaid = fixtures.order(buyer, productId, 2).getLong("id");
    long paid = fixtures.order(buyer, productId, 1).getLong("id");
    fixtures.pay(buyer, paid);
    assertThat(inventoryOf(productId)).isZero();

    fixtures.expireUnpaidOrders();
    assertThat(orderStatus(unpaid)).as("still within its hold").isEqualTo("pending");

    clock.advanceBeyondNow(Duration.ofMinutes(31));
    fixtures.expireUnpaidOrders();

    assertThat(orderStatus(unpaid)).isEqualTo("cancelled");
    assertThat(orderStatus(paid)).isEqualTo("processing");
    assertThat(inventoryOf(productId)).isEqualTo(2);
    JsonObject detail = buyer.api().get("/api/buyers/" + buyer.id() + "/orders/" + unpaid).json();
    assertThat(detail.getString("cancel_reason")).isEqualTo("Not paid in time.");
    assertThat(detail.getJsonArray("timeline").getJsonObject(1).getString("actor"))
        .isEqualTo("system");
    assertThat(fixtures.expireUnpaidOrders().getInteger("expired")).as("only once").isZero();
    assertThat(inventoryOf(productId)).isEqualTo(2);
  }

  @Test
  void orderDetailsAreForTheirBuyerAndSellerOnly() {
    Account seller = fixtures.seller("Detail Shop");
    Account otherSeller = fixtures.seller("Other Detail Shop");
    Account buyer = fixtures.buyer("Dora");
    Account otherBuyer = fixtures.buyer("Otto");
    long productId = fixtures.product(seller, "Rug", "Home", "60.00", 5).getLong("id");
    long orderId = fixtures.order(buyer, productId, 1).getLong("id");

    assertThat(
            otherBuyer.api().get("/api/buyers/" + otherBuyer.id() + "/orders/" + orderId).status())
        .isEqualTo(403);
    assertThat(otherBuyer.api().get("/api/buyers/" + buyer.id() + "/orders/" + orderId).status())
        .isEqualTo(403);
    assertThat(
            otherSeller
                .api()
                .get("/api/sellers/" + otherSeller.id() + "/orders/" + orderId)
                .status())
        .isEqualTo(403);
    assertThat(buyer.api().get("/api/buyers/" + buyer.id() + "/orders/987654321").status())
        .isEqualTo(404);
    JsonObject detail = buyer.api().get("/api/buyers/" + buyer.id() + "/orders/" + orderId).json();
    assertThat(detail.getString("payment_status")).isEqualTo("unpaid");
    assertThat(detail.getValue("carrier")).isNull();
  }

  @Test
  void shippingEventsAreForOrdersOnTheirWay() {
    Account seller = fixtures.seller("Event Shop");
    Account otherSeller = fixtures.seller("Other Event Shop");
    Account buyer = fixtures.buyer("Emil");
    long productId = fixtures.product(seller, "Clock", "Home", "15.00", 5).getLong("id");
    long orderId = fixtures.order(buyer, productId, 1).getLong("id");
    JsonObject event = new JsonObject().put("location", "Warehouse");
    String path = "/api/sellers/orders/" + orderId + "/events";

    assertThat(seller.api().post(path, event).status()).as("unpaid").isEqualTo(409);
    fixtures.pay(buyer, orderId);
    assertThat(otherSeller.api().post(path, event).status()).isEqualTo(403);
    assertThat(seller.api().post(path, new JsonObject()).status())
        .as("location is required")
        .isEqualTo(400);
    assertThat(seller.api().post(path, event).status()).isEqualTo(201);
    ApiResponse delivered =
        seller
            .api()
            .post(path, new JsonObject().put("location", "Porch").put("status", "delivered"));
    assertThat(delivered.status()).as("cannot skip shipping").isEqualTo(409);
    fixtures.move(seller, orderId, SHIP);
    assertThat(
            seller
                .api()
                .post(path, new JsonObject().put("location", "Porch").put("status", "delivered"))
                .json()
                .getString("status"))
        .isEqualTo("delivered");
  }

  @Test
  void orderListsFilterByStatusAndPageWithACursor() {
    Account seller = fixtures.seller("Page Shop");
    Account buyer = fixtures.buyer("Paula");
    long productId = fixtures.product(seller, "Pencil", "Other", "1.00", 100).getLong("id");
    List<Long> placed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      placed.add(fixtures.order(buyer, productId, 1).getLong("id"));
    }
    fixtures.pay(buyer, placed.get(1));
    fixtures.pay(buyer, placed.get(3));
    String path = "/api/buyers/" + buyer.id() + "/orders";

    JsonObject first = buyer.api().get(path + "?limit=2").json();
    long insertedMeanwhile = fixtures.order(buyer, productId, 1).getLong("id");
    JsonObject second =
        buyer.api().get(path + "?limit=2&cursor=" + first.getString("next_cursor")).json();
    JsonObject third =
        buyer.api().get(path + "?limit=2&cursor=" + second.getString("next_cursor")).json();
    JsonObject processing = buyer.api().get(path + "?status=processing").json();

    assertThat(CatalogApiTest.ids(first.getJsonArray("orders")))
        .containsExactly(placed.get(4), placed.get(3));
    assertThat(CatalogApiTest.ids(second.getJsonArray("orders")))
        .containsExactly(placed.get(2), placed.get(1));
    assertThat(CatalogApiTest.ids(third.getJsonArray("orders"))).containsExactly(placed.get(0));
    assertThat(third.getString("next_cursor")).isNull();
    assertThat(insertedMeanwhile).isGreaterThan(placed.get(4));
    assertThat(CatalogApiTest.ids(processing.getJsonArray("orders")))
        .containsExactly(placed.get(3), placed.get(1));
    assertThat(
            seller
                .api()
                .get("/api/sellers/" + seller.id() + "/orders?status=processing&limit=1")
                .json()
                .getJsonArray("orders"))
        .hasSize(1);
    assertThat(buyer.api().get(path + "?cursor=bm9wZQ").status()).isEqualTo(400);
    assertThat(buyer.api().get(path + "?status=lost").status()).isEqualTo(400);
  }

  private static int statusBy(Account seller, long orderId, JsonObject change) {
    return seller.api().put("/api/sellers/orders/" + orderId + "/status", change).status();
  }

  private static String orderStatus(long orderId) throws Exception {
    return database.queryString("SELECT status FROM orders WHERE id = " + orderId);
  }

  private static long inventoryOf(long productId) throws Exception {
    return database.queryLong(
        "SELECT inventory FROM product_stock WHERE product_id = " + productId);
  }
}
