package dev.marketplace.payment.sandbox;

import dev.marketplace.payment.gateway.GatewayPayment;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.UUID;

/** A payment the sandbox gateway holds, as it would sit in a card processor's ledger. */
final class SandboxPayment {

  final String id;
  final UUID key;
  final String reference;
  final BigDecimal amount;
  final String cardToken;
  GatewayPayment.Status status;
  String declineCode;
  String message;

  SandboxPayment(String id, UUID key, String reference, BigDecimal amount, String cardToken) {
    this.id = id;
    this.key = key;
    this.reference = reference;
    this.amount = amount;
    this.cardToken = cardToken;
  }

  JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("idempotency_key", key.toString())
        .put("reference", reference)
        .put("amount", amount.toPlainString())
        .put("status", status.wireName())
        .put("decline_code", declineCode)
        .put("message", message);
  }
}
