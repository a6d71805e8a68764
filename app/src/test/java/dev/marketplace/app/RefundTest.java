package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Cancelled orders that were paid get their money back exactly once: at once after the cancel, when
 * the capture arrives after the cancel, and from the reconciler when the refund message was lost.
 * The stock comes back too.
 */
class RefundTest extends PaymentApiTest {

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
      waitFor(() -> "refunded".equals(orderOf(buyer, orderId).getString("payment_status")));
      assertThat(gateway.count(orderId, "refunded")).isEqualTo(1);
      assertThat(gateway.paymentsOf(orderId)).hasSize(1);
    }
    assertThat(database("SELECT inventory FROM product_stock WHERE product_id = " + productId))
        .isEqualTo(4);
    JsonArray attempts = attemptsOn(buyer, byBuyer);
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

    waitFor(() -> "refunded".equals(orderOf(buyer, orderId).getString("payment_status")));
    assertThat(orderOf(buyer, orderId).getString("status")).isEqualTo("cancelled");
    assertThat(gateway.count(orderId, "refunded")).isEqualTo(1);
    assertThat(database("SELECT inventory FROM product_stock WHERE product_id = " + productId))
        .isEqualTo(2);
  }

  @Test
  void theReconcilerMakesARefundWhoseMessageWasLost() throws Exception {
    Account buyer = fixtures.buyer("Lisa");
    long orderId = pendingOrder(buyer, "Lost Letter", "33.00", 1);
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
}
