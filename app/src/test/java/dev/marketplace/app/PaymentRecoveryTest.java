package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Payments whose gateway call ended without an answer: the reconciler settles them as the gateway
 * says, without a second charge, and fails those the gateway never received once no call about them
 * can still arrive.
 */
class PaymentRecoveryTest extends PaymentApiTest {

  @Test
  void aTimeoutLeavesThePaymentPendingUntilTheReconcilerSettlesItWithoutASecondCharge()
      throws Exception {
    Account buyer = fixtures.buyer("Tim");
    long orderId = pendingOrder(buyer, "Clock", "45.50", 1);
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
    waitFor(() -> database("SELECT count(*) FROM webhook_events") > 0);
    waitFor(() -> gateway.count(orderId, "captured") == 1);
    assertThat(gateway.paymentsOf(orderId)).hasSize(1);
    assertThat(capturesRecorded(orderId))
        .as("captured once, however many sources told us")
        .isEqualTo(1);
  }

  @Test
  void aPaymentTheGatewayNeverReceivedFailsOnceItCannotArriveAnyMore() throws Exception {
    Account buyer = fixtures.buyer("Lou");
    long orderId = pendingOrder(buyer, "Lost Lamp", "12.00", 1);
    paymentUnknownToTheGateway(buyer, orderId, "12.00", "1 hour");

    fixtures.reconcilePayments();

    JsonObject order = orderOf(buyer, orderId);
    assertThat(order.getString("payment_status")).isEqualTo("failed");
    assertThat(order.getString("status")).isEqualTo("pending");
    assertThat(pay(buyer, orderId, "tok_success").status()).isEqualTo(201);
  }
}
