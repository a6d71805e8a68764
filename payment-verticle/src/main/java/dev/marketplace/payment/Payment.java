package dev.marketplace.payment;

import dev.marketplace.common.json.Timestamps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One attempt to pay an order. {@code transactionId} is the gateway's reference, once known. */
public record Payment(
    long id,
    long orderId,
    long buyerId,
    BigDecimal amount,
    String paymentMethod,
    PaymentStatus status,
    String provider,
    UUID gatewayKey,
    String transactionId,
    String failureCode,
    String failureMessage,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  static final String COLUMNS =
      "id, order_id, buyer_id, amount, payment_method, payment_status, provider, gateway_key,"
          + " transaction_id, failure_code, failure_message, created_at, updated_at";

  static Payment fromRow(Row row) {
    return new Payment(
        row.getLong("id"),
        row.getLong("order_id"),
        row.getLong("buyer_id"),
        row.getBigDecimal("amount"),
        row.getString("payment_method"),
        PaymentStatus.fromDb(row.getString("payment_status")),
        row.getString("provider"),
        row.getUUID("gateway_key"),
        row.getString("transaction_id"),
        row.getString("failure_code"),
        row.getString("failure_message"),
        row.getOffsetDateTime("created_at"),
        row.getOffsetDateTime("updated_at"));
  }

  /** The payment as buyers read it, with its history, oldest first. */
  public JsonObject toJson(List<JsonObject> history) {
    return new JsonObject()
        .put("id", id)
        .put("order_id", orderId)
        .put("amount", amount)
        .put("payment_method", paymentMethod)
        .put("payment_status", status.dbValue())
        .put("transaction_id", transactionId)
        .put("failure_code", failureCode)
        .put("failure_message", failureMessage)
        .put("created_at", Timestamps.format(createdAt))
        .put("updated_at", Timestamps.format(updatedAt))
        .put("history", new JsonArray(List.copyOf(history)));
  }
}
