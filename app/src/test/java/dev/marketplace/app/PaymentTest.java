package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.payment.gateway.WebhookSignature;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Paying orders through the real sandbox gateway over HTTP: captures, declines, gateway errors and
 * timeouts, webhooks (signed, repeated, out of order, forged, replayed), double submits and
 * refunds. Every scenario ends by counting what the gateway itself charged.
 */
class PaymentTest extends ApiTest {

  private static SandboxLedgerClient gateway;
  private static Account seller;

  @BeforeAll
  static void openTheShop() {
    gateway = new SandboxLedgerClient(vertx, sandboxUrl, SANDBOX_API_KEY);
    seller = fixtures.seller("Pay Shop");
  }

  @Test
  void aGoodCardPaysTheOrderTotalAndMovesTheOrderToProcessing() {
    Account buyer = fixtures.buyer("Paola");
    long productId = product("Teapot", "19.99", 5);
    long orderId = fixtures.order(buyer, productId, 3).getLong("id");

    ApiResponse paid = pay(buyer, orderId, "tok_success");

    assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
    JsonObject payment = paid.json();
    assertThat(payment.getString("payment_status")).isEqualTo("captured");
    assertThat(new java.math.BigDecimal(payment.getValue("amount").toString()))
        .isEqualByComparingTo("59.97");
    assertThat(payment.getString("transaction_id")).startsWith("pay_");
    assertThat(statuses(payment.getJsonArray("history")))
        .containsExactly("pending", "authorized", "captured");
    JsonObject order = orderOf(buyer, orderId);
    assertThat(order.getString("status")).isEqualTo("processing");
    assertThat(order.getString("payment_status")).isEqualTo("captured");
    assertThat(order.getBoolean("paid")).isTrue();
    assertThat(gateway.count(orderId, "captured")).isEqualTo(1);
    assertThat(gateway.paymentsOf(orderId)).hasSize(1);
    JsonObject listed =
        seller.api().get("/api/sellers/" + seller.id() + "/orders?status=processing").json();
    assertThat(listed.getJsonArray("orders").getJsonObject(0).getBoolean("paid"))
        .as("sellers see which orders are paid")
        .isTrue();
  }

  @Test
  void declinedCardsLeaveTheOrderPendingWithTheReasonAndAnotherCardCanPay() {
    Account buyer = fixtures.buyer("Dario");
    long productId = product("Kettle", "30.00", 5);
    long orderId = fixtures.order(buyer, productId, 1).getLong("id");

    ApiResponse declined = pay(buyer, orderId, "tok_declined");
    assertThat(declined.status()).isEqualTo(402);
    assertThat(declined.errorCode()).isEqualTo("payment_failed");
    assertThat(declined.json().getString("message")).contains("card_declined");
    JsonObject order = orderOf(buyer, orderId);
    assertThat(order.getString("status")).isEqualTo("pending");
    assertThat(order.getString("payment_status")).isEqualTo("failed");
    assertThat(order.getString("payment_failure")).isEqualTo("The card was declined.");

    ApiResponse poor = pay(buyer, orderId, "tok_insufficient_funds");
    assertThat(poor.status()).isEqualTo(402);
    assertThat(poor.json().getString("message")).contains("insufficient_funds");
    assertThat(orderOf(buyer, orderId).getString("payment_failure"))
        .isEqualTo("The card has insufficient funds.");

    ApiResponse unknown = pay(buyer, orderId, "tok_made_up");
    assertThat(unknown.status()).isEqualTo(402);
    assertThat(unknown.json().getString("message")).contains("invalid_card_token");

    assertThat(pay(buyer, orderId, "tok_success").status()).isEqualTo(201);
    JsonObject settled = orderOf(buyer, orderId);
    assertThat(settled.getString("status")).isEqualTo("processing");
    assertThat(settled.getString("payment_failure")).isNull();
    assertThat(gateway.count(orderId, "captured")).isEqualTo(1);
    JsonArray attempts =
        buyer
            .api()
            .get("/api/buyers/orders/" + orderId + "/payments")
            .json()
            .getJsonArray("payments");
    assertThat(attempts).hasSize(4);
    assertThat(attempts.getJsonObject(0).getString("failure_code")).isEqualTo("card_declined");
  }

  @Test
  void aGatewayErrorChargesNothingAndSaysSo() {
    Account buyer = fixtures.buyer("Erin");
    long orderId = fixtures.order(buyer, product("Mug", "8.00", 5), 1).getLong("id");

    ApiResponse failed = pay(buyer, orderId, "tok_error");

    assertThat(failed.status()).isEqualTo(402);
    assertThat(failed.json().getString("message")).contains("gateway_error");
    assertThat(orderOf(buyer, orderId).getString("payment_status")).isEqualTo("failed");
    assertThat(gateway.paymentsOf(orderId)).isEmpty();
  }

  @Test
  void aTimeoutLeavesThePaymentPendingUntilTheReconcilerSettlesItWithoutASecondCharge()
      throws Exception {
    Account buyer = fixtures.buyer("Tim");
    long orderId = fixtures.order(buyer, product("Clock", "45.50", 5), 1).getLong("id");
    String key = UUID.randomUUID().toString();

    ApiResponse slow = payWithKey(buyer, orderId, "tok_slow", key);

    assertThat(slow.status()).as(slow.toString()).isEqualTo(202);
    assertThat(slow.json().getString("payment_status")).isEqualTo("pending");
    assertThat(orderOf(buyer, orderId).getString("payment_status")).isEqualTo("pending");
    assertThat(pay(buyer, orderId, "tok_success").status())
        .as("no second payment while one is under way")
        .isEqualTo(409);

    JsonObject reconciled = fixtures.reconcilePayments();

    assertThat(reconciled.getInteger("settled")).isPositive();
    assertThat(orderOf(buyer, orderId).getString("status")).isEqualTo("processing");
    ApiResponse retried = payWithKey(buyer, orderId, "tok_slow", key);
    assertThat(retried.status()).as("the retry gets the same payment, now captured").isEqualTo(201);
    assertThat(retried.json().getLong("id")).isEqualTo(slow.json().getLong("id"));
    Eventually.until(
        () -> database("SELECT count(*) FROM webhook_events") > 0, Duration.ofSeconds(15));
    Eventually.until(() -> gateway.count(orderId, "captured") == 1, Duration.ofSeconds(15));
    assertThat(gateway.paymentsOf(orderId)).hasSize(1);
    assertThat(
            database(
                "SELECT count(*) FROM payment_events e JOIN payments p ON p.id = e.payment_id"
                    + " WHERE p.order_id = "
                    + orderId
                    + " AND e.payment_status = 'captured'"))
        .as("captured once, however many sources told us")
        .isEqualTo(1);
  }

  @Test
  void aPaymentTheGatewayNeverReceivedFailsOnceItCannotArriveAnyMore() throws Exception {
    Account buyer = fixtures.buyer("Lou");
    long orderId = fixtures.order(buyer, product("Lost Lamp", "12.00", 5), 1).getLong("id");
    paymentUnknownToTheGateway(buyer, orderId, "12.00", "1 hour");

    fixtures.reconcilePayments();

    JsonObject order = orderOf(buyer, orderId);
    assertThat(order.getString("payment_status")).isEqualTo("failed");
    assertThat(order.getString("status")).isEqualTo("pending");
    assertThat(pay(buyer, orderId, "tok_success").status()).isEqualTo(201);
  }

  @Test
  void signedWebhooksApplyOnceInAnyOrderAndForgedOrReplayedOnesAreRefused() throws Exception {
    Account buyer = fixtures.buyer("Wendy");
    long orderId = fixtures.order(buyer, product("Radio", "70.00", 5), 1).getLong("id");
    String key = paymentUnknownToTheGateway(buyer, orderId, "70.00", "0 seconds");
    String captured = event("evt_cap_" + orderId, "captured", key, "70.00");
    String authorized = event("evt_auth_" + orderId, "authorized", key, "70.00");
    WebhookSignature signer = new WebhookSignature(WEBHOOK_SECRET);
    WebhookSignature forger = new WebhookSignature("not-the-secret");
    Instant now = clock.instant();

    assertThat(webhook(captured, forger.sign(captured, now)).status()).isEqualTo(401);
    assertThat(webhook(captured, signer.sign(captured, now.minus(Duration.ofMinutes(10)))).status())
        .as("a replayed old notification")
        .isEqualTo(401);
    assertThat(webhook(captured, signer.sign(authorized, now)).status())
        .as("a signature of another body")
        .isEqualTo(401);
    assertThat(webhook(captured, null).status()).isEqualTo(401);
    assertThat(orderOf(buyer, orderId).getString("status")).isEqualTo("pending");

    ApiResponse first = webhook(captured, signer.sign(captured, now));
    ApiResponse again = webhook(captured, signer.sign(captured, now));
    ApiResponse late = webhook(authorized, signer.sign(authorized, now));

    assertThat(first.json().getBoolean("applied")).isTrue();
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().getBoolean("applied")).as("the same event twice").isFalse();
    assertThat(late.status()).isEqualTo(200);
    JsonObject order = orderOf(buyer, orderId);
    assertThat(order.getString("status")).isEqualTo("processing");
    assertThat(order.getString("payment_status"))
        .as("an earlier step arriving late does not undo a capture")
        .isEqualTo("captured");
    assertThat(
            database(
                "SELECT count(*) FROM payment_events e JOIN payments p ON p.id = e.payment_id"
                    + " WHERE p.order_id = "
                    + orderId
                    + " AND e.payment_status = 'captured'"))
        .isEqualTo(1);
    assertThat(
            api.postRaw(
                    "/api/payments/webhooks/elsewhere",
                    captured,
                    Map.of(WebhookSignature.HEADER, signer.sign(captured, now)))
                .status())
        .isEqualTo(404);
  }

  @Test
  void doubleSubmitsChargeOnce() {
    Account buyer = fixtures.buyer("Dora");
    long productId = product("Double Dish", "15.00", 10);
    long racedWithoutKey = fixtures.order(buyer, productId, 1).getLong("id");
    long racedWithKey = fixtures.order(buyer, productId, 1).getLong("id");
    String path = "/api/buyers/orders/";
    JsonObject card =
        new JsonObject().put("payment_method", "card").put("card_token", "tok_success");

    List<Future<HttpResponse<Buffer>>> plain = new ArrayList<>();
    List<Future<HttpResponse<Buffer>>> keyed = new ArrayList<>();
    String key = UUID.randomUUID().toString();
    for (int i = 0; i < 8; i++) {
      plain.add(buyer.api().sendAsync(HttpMethod.POST, path + racedWithoutKey + "/payments", card));
      keyed.add(
          buyer.api().sendAsync(HttpMethod.POST, path + racedWithKey + "/payments", card, key));
    }
    Future.join(new ArrayList<>(plain)).await();
    Future.join(new ArrayList<>(keyed)).await();

    List<Integer> plainStatuses = new ArrayList<>();
    plain.forEach(response -> plainStatuses.add(response.result().statusCode()));
    assertThat(plainStatuses).containsOnlyOnce(201).containsOnly(201, 409);
    Set<Long> keyedPayments = new HashSet<>();
    keyed.forEach(
        response -> {
          assertThat(response.result().statusCode()).isIn(201, 202);
          keyedPayments.add(response.result().bodyAsJsonObject().getLong("id"));
        });
    assertThat(keyedPayments).as("one payment for one key").hasSize(1);
    assertThat(gateway.paymentsOf(racedWithoutKey)).hasSize(1);
    assertThat(gateway.paymentsOf(racedWithKey)).hasSize(1);
    assertThat(payWithKey(buyer, racedWithoutKey, "tok_declined", key).status())
        .as("the key belongs to another request")
        .isEqualTo(409);

    String sharedKey = UUID.randomUUID().toString();
    long left = fixtures.order(buyer, productId, 1).getLong("id");
    long right = fixtures.order(buyer, productId, 1).getLong("id");
    List<Future<HttpResponse<Buffer>>> oneKeyTwoOrders =
        List.of(
            buyer.api().sendAsync(HttpMethod.POST, path + left + "/payments", card, sharedKey),
            buyer.api().sendAsync(HttpMethod.POST, path + right + "/payments", card, sharedKey));
    Future.join(new ArrayList<>(oneKeyTwoOrders)).await();
    List<Integer> statuses = new ArrayList<>();
    oneKeyTwoOrders.forEach(response -> statuses.add(response.result().statusCode()));
    assertThat(statuses).as("one key pays one order").containsExactlyInAnyOrder(201, 409);
    assertThat(gateway.paymentsOf(left).size() + gateway.paymentsOf(right).size()).isEqualTo(1);
  }

  @Test
  void cancellingAPaidOrderRefundsItAndTheStockComesBack() throws Exception {
    Account buyer = fixtures.buyer("Rene");
    long productId = product("Refund Rug", "99.00", 4);
    long byBuyer = fixtures.order(buyer, productId, 1).getLong("id");
    long bySeller = fixtures.order(buyer, productId, 1).getLong("id");
    fixtures.pay(buyer, byBuyer);
    fixtures.pay(buyer, bySeller);

    ApiResponse cancelled =
        buyer.api().post("/api/buyers/orders/" + byBuyer + "/cancel", new JsonObject());
    fixtures.move(
        seller,
        bySeller,
        new JsonObject().put("status", "cancelled").put("reason", "Damaged in the warehouse"));

    assertThat(cancelled.json().getString("payment_status")).isIn("refund_pending", "refunded");
    for (long orderId : new long[] {byBuyer, bySeller}) {
      Eventually.until(
          () -> "refunded".equals(orderOf(buyer, orderId).getString("payment_status")),
          Duration.ofSeconds(15));
      assertThat(gateway.count(orderId, "refunded")).isEqualTo(1);
      assertThat(gateway.paymentsOf(orderId)).hasSize(1);
    }
    assertThat(database("SELECT inventory FROM products WHERE id = " + productId)).isEqualTo(4);
    JsonArray attempts =
        buyer
            .api()
            .get("/api/buyers/orders/" + byBuyer + "/payments")
            .json()
            .getJsonArray("payments");
    assertThat(statuses(attempts.getJsonObject(0).getJsonArray("history")))
        .containsExactly("pending", "authorized", "captured", "refunded");
  }

  @Test
  void moneyCapturedAfterTheOrderWasCancelledGoesBack() throws Exception {
    Account buyer = fixtures.buyer("Cass");
    long productId = product("Late Lute", "120.00", 2);
    long orderId = fixtures.order(buyer, productId, 1).getLong("id");
    assertThat(pay(buyer, orderId, "tok_slow").status()).isEqualTo(202);
    assertThat(
            buyer
                .api()
                .post("/api/buyers/orders/" + orderId + "/cancel", new JsonObject())
                .status())
        .isEqualTo(200);

    fixtures.reconcilePayments();

    Eventually.until(
        () -> "refunded".equals(orderOf(buyer, orderId).getString("payment_status")),
        Duration.ofSeconds(15));
    assertThat(orderOf(buyer, orderId).getString("status")).isEqualTo("cancelled");
    assertThat(gateway.count(orderId, "refunded")).isEqualTo(1);
    assertThat(database("SELECT inventory FROM products WHERE id = " + productId)).isEqualTo(2);
  }

  @Test
  void theReconcilerMakesARefundWhoseMessageWasLost() throws Exception {
    Account buyer = fixtures.buyer("Lisa");
    long orderId = fixtures.order(buyer, product("Lost Letter", "33.00", 3), 1).getLong("id");
    fixtures.pay(buyer, orderId);
    // As if the process died between the cancel's commit and the refund message.
    database.execute(
        "UPDATE orders SET status = 'cancelled', payment_status = 'refund_pending' WHERE id = "
            + orderId);

    JsonObject reconciled = fixtures.reconcilePayments();

    assertThat(reconciled.getInteger("refunded")).isEqualTo(1);
    assertThat(orderOf(buyer, orderId).getString("payment_status")).isEqualTo("refunded");
    assertThat(gateway.count(orderId, "refunded")).isEqualTo(1);
    assertThat(fixtures.reconcilePayments().getInteger("refunded"))
        .as("nothing left to refund")
        .isZero();
  }

  @Test
  void onlyTheBuyerPaysTheirOwnPendingOrderAndNeverChoosesTheAmount() {
    Account buyer = fixtures.buyer("Olga");
    Account other = fixtures.buyer("Otto");
    long orderId = fixtures.order(buyer, product("Own Owl", "5.00", 5), 1).getLong("id");
    JsonObject withAmount =
        new JsonObject()
            .put("payment_method", "card")
            .put("card_token", "tok_success")
            .put("amount", 0.01);

    assertThat(pay(other, orderId, "tok_success").status()).isEqualTo(403);
    assertThat(
            seller
                .api()
                .post(
                    "/api/buyers/orders/" + orderId + "/payments",
                    new JsonObject().put("payment_method", "card").put("card_token", "tok_success"))
                .status())
        .isEqualTo(403);
    assertThat(api.post("/api/buyers/orders/" + orderId + "/payments", withAmount).status())
        .isEqualTo(401);
    assertThat(buyer.api().post("/api/buyers/orders/" + orderId + "/payments", withAmount).status())
        .isEqualTo(400);
    assertThat(pay(buyer, 987654321L, "tok_success").status()).isEqualTo(404);
    assertThat(other.api().get("/api/buyers/orders/" + orderId + "/payments").status())
        .isEqualTo(403);
    buyer.api().post("/api/buyers/orders/" + orderId + "/cancel", new JsonObject());
    assertThat(pay(buyer, orderId, "tok_success").status())
        .as("a cancelled order cannot be paid")
        .isEqualTo(409);
    assertThat(gateway.paymentsOf(orderId)).isEmpty();
  }

  private long product(String name, String price, int inventory) {
    return fixtures.product(seller, name, "Home", price, inventory).getLong("id");
  }

  /**
   * A pending payment whose gateway call never got through (say the process died first), made
   * {@code age} ago. Returns the key the gateway would know it by.
   */
  private static String paymentUnknownToTheGateway(
      Account buyer, long orderId, String amount, String age) throws Exception {
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

  private static ApiResponse pay(Account buyer, long orderId, String token) {
    return buyer
        .api()
        .post(
            "/api/buyers/orders/" + orderId + "/payments",
            new JsonObject().put("payment_method", "card").put("card_token", token));
  }

  private static ApiResponse payWithKey(Account buyer, long orderId, String token, String key) {
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

  private static JsonObject orderOf(Account buyer, long orderId) {
    return buyer.api().get("/api/buyers/" + buyer.id() + "/orders/" + orderId).json();
  }

  private static ApiResponse webhook(String body, String signature) {
    return api.postRaw(
        "/api/payments/webhooks/sandbox",
        body,
        signature == null ? Map.of() : Map.of(WebhookSignature.HEADER, signature));
  }

  private static String event(String id, String status, String key, String amount) {
    return new JsonObject()
        .put("id", id)
        .put("type", "payment." + status)
        .put("created", clock.instant().getEpochSecond())
        .put(
            "data",
            new JsonObject()
                .put("id", "pay_from_test")
                .put("idempotency_key", key)
                .put("status", status)
                .put("amount", amount))
        .encode();
  }

  private static List<String> statuses(JsonArray history) {
    List<String> statuses = new ArrayList<>();
    history.forEach(entry -> statuses.add(((JsonObject) entry).getString("payment_status")));
    return statuses;
  }

  private static long database(String sql) {
    try {
      return database.queryLong(sql);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Webhooks and refunds happen after the answer: poll, with a generous bound. */
}
