package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;

/**
 * What the payment tests share: a shop, the sandbox gateway's own ledger (every scenario ends by
 * counting what the gateway itself charged), and the calls a buyer makes to pay.
 */
abstract class PaymentApiTest extends ApiTest {

  static SandboxLedgerClient gateway;
  static Account seller;

  @BeforeAll
  static void openTheShop() {
    gateway = new SandboxLedgerClient(vertx, sandboxUrl, SANDBOX_API_KEY);
    seller = fixtures.seller("Pay Shop");
  }

  static long product(String name, String price, int inventory) {
    return fixtures.product(seller, name, "Home", price, inventory).getLong("id");
  }

  /** A pending order of {@code quantity} of a new product of the shop (five in stock). */
  static long pendingOrder(Account buyer, String product, String price, int quantity) {
    return fixtures.order(buyer, product(product, price, 5), quantity).getLong("id");
  }

  /** Every payment attempt on an order, oldest first, as its buyer reads them. */
  static JsonArray attemptsOn(Account buyer, long orderId) {
    return buyer
        .api()
        .get("/api/buyers/orders/" + orderId + "/payments")
        .json()
        .getJsonArray("payments");
  }

  /** How often our history recorded a capture of the order's payments. */
  static long capturesRecorded(long orderId) {
    return database(
        "SELECT count(*) FROM payment_events e JOIN payments p ON p.id = e.payment_id"
            + " WHERE p.order_id = "
            + orderId
            + " AND e.payment_status = 'captured'");
  }

  /**
   * A pending payment whose gateway call never got through (say the process died first), made
   * {@code age} ago. Returns the key the gateway would know it by.
   */
  static String paymentUnknownToTheGateway(Account buyer, long orderId, String amount, String age)
      throws Exception {
    String key = UUID.randomUUID().toString();
    database.execute(
        "INSERT INTO payments (order_id, buyer_id, amount, payment_method, provider, gateway_key,"
            + " created_at, updated_at) VALUES ("
            + orderId
            + ", "
            + buyer.id()
            + ", "
            + amount
            + ", 'card', 'sandbox', '"
            + key
            + "', now() - interval '"
            + age
            + "', now() - interval '"
            + age
            + "')");
    database.execute("UPDATE orders SET payment_status = 'pending' WHERE id = " + orderId);
    return key;
  }

  static ApiResponse pay(Account buyer, long orderId, String token) {
    return buyer
        .api()
        .post(
            "/api/buyers/orders/" + orderId + "/payments",
            new JsonObject().put("payment_method", "card").put("card_token", token));
  }

  static ApiResponse payWithKey(Account buyer, long orderId, String token, String key) {
    String path = "/api/buyers/orders/" + orderId + "/payments";
    HttpResponse<Buffer> response =
        buyer
            .api()
            .sendAsync(
                HttpMethod.POST,
                path,
                new JsonObject().put("payment_method", "card").put("card_token", token),
                key)
            .await();
    return buyer.api().check(HttpMethod.POST, path, response);
  }

  static JsonObject orderOf(Account buyer, long orderId) {
    return buyer.api().get("/api/buyers/" + buyer.id() + "/orders/" + orderId).json();
  }

  static List<String> statuses(JsonArray history) {
    List<String> statuses = new ArrayList<>();
    history.forEach(entry -> statuses.add(((JsonObject) entry).getString("payment_status")));
    return statuses;
  }

  static long database(String sql) {
    try {
      return database.queryLong(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Webhooks and refunds happen after the answer: poll, with a generous bound. */
  static void waitFor(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 15 s").isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
