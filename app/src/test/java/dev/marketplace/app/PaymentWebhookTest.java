package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.payment.gateway.WebhookSignature;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Gateway webhooks: signed ones apply once, in any order; forged, replayed or mis-signed ones are
 * refused, and a provider we do not use is unknown.
 */
class PaymentWebhookTest extends PaymentApiTest {

  @Test
  void signedWebhooksApplyOnceInAnyOrderAndForgedOrReplayedOnesAreRefused() throws Exception {
    Account buyer = fixtures.buyer("Wendy");
    long orderId = pendingOrder(buyer, "Radio", "70.00", 1);
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
    assertThat(capturesRecorded(orderId)).isEqualTo(1);
    assertThat(
            api.postRaw(
                    "/api/payments/webhooks/elsewhere",
                    captured,
                    Map.of(WebhookSignature.HEADER, signer.sign(captured, now)))
                .status())
        .isEqualTo(404);
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
}
