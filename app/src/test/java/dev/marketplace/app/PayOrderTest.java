package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Paying an order through the real sandbox gateway over HTTP: a good card captures the order's
 * total and moves the order on, declined cards and gateway errors charge nothing and say why, and
 * only the order's buyer pays, never choosing the amount.
 */
class PayOrderTest extends PaymentApiTest {

  @Test
  void aGoodCardPaysTheOrderTotalAndMovesTheOrderToProcessing() {
    Account buyer = fixtures.buyer("Paola");
    long orderId = pendingOrder(buyer, "Teapot", "19.99", 3);

    ApiResponse paid = pay(buyer, orderId, "tok_success");

    assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
    JsonObject payment = paid.json();
    assertThat(payment.getString("payment_status")).isEqualTo("captured");
    assertThat(new BigDecimal(payment.getValue("amount").toString())).isEqualByComparingTo("59.97");
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
    long orderId = pendingOrder(buyer, "Kettle", "30.00", 1);

    assertDeclined(buyer, orderId, "tok_declined", "card_declined");
    JsonObject order = orderOf(buyer, orderId);
    assertThat(order.getString("status")).isEqualTo("pending");
    assertThat(order.getString("payment_status")).isEqualTo("failed");
    assertThat(order.getString("payment_failure")).isEqualTo("The card was declined.");

    assertDeclined(buyer, orderId, "tok_insufficient_funds", "insufficient_funds");
    assertThat(orderOf(buyer, orderId).getString("payment_failure"))
        .isEqualTo("The card has insufficient funds.");

    assertDeclined(buyer, orderId, "tok_made_up", "invalid_card_token");

    assertThat(pay(buyer, orderId, "tok_success").status()).isEqualTo(201);
    JsonObject settled = orderOf(buyer, orderId);
    assertThat(settled.getString("status")).isEqualTo("processing");
    assertThat(settled.getString("payment_failure")).isNull();
    assertThat(gateway.count(orderId, "captured")).isEqualTo(1);
    JsonArray attempts = attemptsOn(buyer, orderId);
    assertThat(attempts).hasSize(4);
    assertThat(attempts.getJsonObject(0).getString("failure_code")).isEqualTo("card_declined");
  }

  @Test
  void aGatewayErrorChargesNothingAndSaysSo() {
    Account buyer = fixtures.buyer("Erin");
    long orderId = pendingOrder(buyer, "Mug", "8.00", 1);

    assertDeclined(buyer, orderId, "tok_error", "gateway_error");

    assertThat(orderOf(buyer, orderId).getString("payment_status")).isEqualTo("failed");
    assertThat(gateway.paymentsOf(orderId)).isEmpty();
  }

  @Test
  void onlyTheBuyerPaysTheirOwnPendingOrderAndNeverChoosesTheAmount() {
    Account buyer = fixtures.buyer("Olga");
    Account other = fixtures.buyer("Otto");
    long orderId = pendingOrder(buyer, "Own Owl", "5.00", 1);
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

  /** Pays with {@code token} and expects a 402 that names {@code reason}. */
  private static void assertDeclined(Account buyer, long orderId, String token, String reason) {
    ApiResponse refused = pay(buyer, orderId, token);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(402);
    assertThat(refused.errorCode()).isEqualTo("payment_failed");
    assertThat(refused.json().getString("message")).contains(reason);
  }
}
