package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.common.bus.BusAddress;
import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.InternalAction;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** Creates the accounts, products and orders a test needs, through the API like any client. */
final class Fixtures {

  static final String PASSWORD = "correct-horse-battery";

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final Vertx vertx;
  private final ApiClient api;

  Fixtures(Vertx vertx, ApiClient api) {
    this.vertx = vertx;
    this.api = api;
  }

  /** Pays an order with the sandbox's good card and returns the order as its buyer then sees it. */
  JsonObject pay(Account buyer, long orderId) {
    ApiResponse paid =
        buyer
            .api()
            .post(
                "/api/buyers/orders/" + orderId + "/payments",
                new JsonObject().put("payment_method", "card").put("card_token", "tok_success"));
    assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
    return buyer.api().get("/api/buyers/" + buyer.id() + "/orders/" + orderId).json();
  }

  /**
   * Orders one unit as the buyer, pays, ships and delivers it as the seller, so that the buyer may
   * review the product; returns the order's id.
   */
  long deliver(Account seller, Account buyer, long productId) {
    long orderId = order(buyer, productId, 1).getLong("id");
    pay(buyer, orderId);
    move(
        seller,
        orderId,
        new JsonObject()
            .put("status", "shipped")
            .put("carrier", "DHL")
            .put("tracking_number", "T1"));
    move(seller, orderId, new JsonObject().put("status", "delivered"));
    return orderId;
  }

  /** Runs the unpaid-order sweep now, as its timer would. */
  JsonObject expireUnpaidOrders() {
    return internal(BusAddress.ORDERS, InternalAction.EXPIRE_UNPAID_ORDERS.id(), new JsonObject());
  }

  /** Moves an order as its seller, checking the answer. */
  JsonObject move(Account seller, long orderId, JsonObject change) {
    ApiResponse moved = seller.api().put("/api/sellers/orders/" + orderId + "/status", change);
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    return moved.json();
  }

  /** Runs the payment reconciler now, as its timer would. */
  JsonObject reconcilePayments() {
    return internal(BusAddress.PAYMENTS, InternalAction.RECONCILE_PAYMENTS.id(), new JsonObject());
  }

  /** Calls an internal event-bus action, which no HTTP client can reach, as its timer would. */
  JsonObject internal(BusAddress address, String action, JsonObject body) {
    String reply =
        vertx
            .eventBus()
            .<String>request(
                address.value(),
                new BusRequest(null, null, null, null, body).toJson(),
                new DeliveryOptions().addHeader(BusRequest.ACTION, action))
            .await()
            .body();
    return new JsonObject(reply);
  }

  /** The body of a checkout of these lines. */
  static JsonObject cart(JsonObject... lines) {
    JsonArray items = new JsonArray();
    for (JsonObject line : lines) {
      items.add(line);
    }
    return new JsonObject().put("items", items);
  }

  /** One line of a cart. */
  static JsonObject line(long productId, int quantity) {
    return new JsonObject().put("product_id", productId).put("quantity", quantity);
  }

  static String uniqueEmail(String who) {
    return who + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() + "@example.com";
  }

  Account buyer(String name) {
    return registerAndLogIn("buyers", name);
  }

  Account seller(String name) {
    return registerAndLogIn("sellers", name);
  }

  JsonObject product(Account seller, String name, String category, String price, int inventory) {
    ApiResponse created =
        seller
            .api()
            .post(
                "/api/sellers/products",
                new JsonObject()
                    .put("name", name)
                    .put("category", category)
                    .put("description", name + " for tests")
                    .put("price", new BigDecimal(price))
                    .put("inventory", inventory));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  JsonObject order(Account buyer, long productId, int quantity) {
    ApiResponse placed = tryOrder(buyer, productId, quantity);
    assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
    return placed.json();
  }

  /**
   * Sends {@code attempts} orders of one unit of the product all at once, from the buyers in turn,
   * and counts the answers by status.
   */
  Map<Integer, Long> orderAllAtOnce(List<Account> buyers, long productId, int attempts) {
    JsonObject oneUnit = new JsonObject().put("product_id", productId).put("quantity", 1);
    List<Future<HttpResponse<Buffer>>> sent = new ArrayList<>();
    for (int i = 0; i < attempts; i++) {
      sent.add(
          buyers
              .get(i % buyers.size())
              .api()
              .sendAsync(HttpMethod.POST, "/api/buyers/orders", oneUnit));
    }
    Future.all(sent).await();
    return sent.stream()
        .map(answer -> api.check(HttpMethod.POST, "/api/buyers/orders", answer.result()))
        .collect(Collectors.groupingBy(ApiResponse::status, Collectors.counting()));
  }

  /** Places an order and returns whatever the server answered. */
  ApiResponse tryOrder(Account buyer, long productId, Object quantity) {
    return buyer
        .api()
        .post(
            "/api/buyers/orders",
            new JsonObject().put("product_id", productId).put("quantity", quantity));
  }

  /** Sets fields of a product as its seller. */
  void change(Account seller, long productId, JsonObject fields) {
    ApiResponse changed = seller.api().put("/api/sellers/products/" + productId, fields);
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
  }

  Account logIn(String role, String email, String password) {
    ApiResponse login =
        api.post(
            "/api/" + role + "/login",
            new JsonObject().put("email", email).put("password", password));
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    JsonObject body = login.json();
    return new Account(
        body.getLong("id"),
        email,
        body.getString("role"),
        body.getString("access_token"),
        body.getString("refresh_token"),
        api.withToken(body.getString("access_token")));
  }

  private Account registerAndLogIn(String role, String name) {
    String email = uniqueEmail(name.toLowerCase().replace(' ', '.'));
    ApiResponse registered =
        api.post(
            "/api/" + role + "/register",
            new JsonObject().put("name", name).put("email", email).put("password", PASSWORD));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    return logIn(role, email, PASSWORD);
  }
}
