package dev.marketplace.payment;

import dev.marketplace.common.db.Rows;
import dev.marketplace.common.json.Timestamps;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code payments}, {@code payment_events} and {@code webhook_events} tables. Every status
 * change writes its history row in the same statement.
 */
public final class PaymentRepository {

  /** Where a change came from, as the history records it. */
  public enum Source {
    API,
    WEBHOOK,
    RECONCILER;

    String dbValue() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A new payment and its first history row. */
  public Future<Payment> start(
      SqlClient tx,
      long orderId,
      long buyerId,
      BigDecimal amount,
      String method,
      String provider,
      String clientKey,
      byte[] requestHash) {
    return tx.preparedQuery(
            "WITH p AS (INSERT INTO payments (order_id, buyer_id, amount, payment_method,"
                + " provider, gateway_key, client_key, request_hash)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *),"
                + " e AS (INSERT INTO payment_events (payment_id, payment_status, detail, source)"
                + " SELECT id, payment_status, 'Payment started.', 'api' FROM p)"
                + " SELECT "
                + Payment.COLUMNS
                + " FROM p")
        .mapping(Payment::fromRow)
        .execute(
            Tuple.from(
                new Object[] {
                  orderId,
                  buyerId,
                  amount,
                  method,
                  provider,
                  UUID.randomUUID(),
                  clientKey,
                  requestHash == null ? null : Buffer.buffer(requestHash)
                }))
        .map(rows -> rows.iterator().next());
  }

  /** A payment made earlier with the buyer's {@code Idempotency-Key}, and its request's hash. */
  public Future<Optional<KeyedPayment>> byClientKey(SqlClient tx, long buyerId, String clientKey) {
    return tx.preparedQuery(
            "SELECT "
                + Payment.COLUMNS
                + ", request_hash FROM payments WHERE buyer_id = $1 AND client_key = $2")
        .mapping(
            row -> new KeyedPayment(Payment.fromRow(row), row.getBuffer("request_hash").getBytes()))
        .execute(Tuple.of(buyerId, clientKey))
        .map(Rows::first);
  }

  /**
   * Moves a payment to {@code to} if it is in one of the statuses that may precede it, keeping the
   * gateway's reference and failure once known. Empty when the payment had already moved on.
   */
  public Future<Optional<Payment>> advance(
      SqlClient tx,
      long paymentId,
      PaymentStatus to,
      String reference,
      String failureCode,
      String failureMessage,
      String detail,
      Source source) {
    String[] from = to.sources().stream().map(PaymentStatus::dbValue).toArray(String[]::new);
    return tx.preparedQuery(
            "WITH p AS (UPDATE payments SET payment_status = $2,"
                + " transaction_id = COALESCE($3, transaction_id),"
                + " failure_code = COALESCE($4, failure_code),"
                + " failure_message = COALESCE($5, failure_message), updated_at = now()"
                + " WHERE id = $1 AND payment_status = ANY($6) RETURNING *),"
                + " e AS (INSERT INTO payment_events"
                + " (payment_id, payment_status, gateway_reference, detail, source)"
                + " SELECT id, payment_status, transaction_id, $7, $8 FROM p)"
                + " SELECT "
                + Payment.COLUMNS
                + " FROM p")
        .mapping(Payment::fromRow)
        .execute(
            Tuple.from(
                new Object[] {
                  paymentId,
                  to.dbValue(),
                  reference,
                  failureCode,
                  failureMessage,
                  from,
                  detail,
                  source.dbValue()
                }))
        .map(Rows::first);
  }

  public Future<Optional<Payment>> byId(SqlClient client, long paymentId) {
    return first(client, "id = $1", paymentId);
  }

  /** The payment a gateway notification is about, by the key we gave the gateway. */
  public Future<Optional<Payment>> byGatewayKey(SqlClient client, UUID key) {
    return first(client, "gateway_key = $1", key);
  }

  /** The captured payment of an order, whose refund is due when the order is cancelled. */
  public Future<Optional<Payment>> capturedOf(SqlClient client, long orderId) {
    return first(client, "order_id = $1 AND payment_status = 'captured'", orderId);
  }

  /** The payment that matches {@code where}, whose one parameter is {@code value}. */
  private static Future<Optional<Payment>> first(SqlClient client, String where, Object value) {
    return client
        .preparedQuery("SELECT " + Payment.COLUMNS + " FROM payments WHERE " + where)
        .mapping(Payment::fromRow)
        .execute(Tuple.of(value))
        .map(Rows::first);
  }

  /**
   * Payments still waiting for the gateway whose last change is older than {@code settleAfter},
   * each marked lost when it was made longer ago than {@code lostAfter}. Ages are measured by the
   * database's clock, the one that stamped the rows.
   */
  public Future<List<Unsettled>> unsettled(
      SqlClient client, Duration settleAfter, Duration lostAfter, int limit) {
    return client
        .preparedQuery(
            "SELECT "
                + Payment.COLUMNS
                + ", created_at < now() - $2 * interval '1 millisecond' AS lost"
                + " FROM payments WHERE payment_status IN ('pending', 'authorized')"
                + " AND updated_at < now() - $1 * interval '1 millisecond'"
                + " ORDER BY updated_at LIMIT $3")
        .mapping(row -> new Unsettled(Payment.fromRow(row), row.getBoolean("lost")))
        .execute(Tuple.of(settleAfter.toMillis(), lostAfter.toMillis(), limit))
        .map(Rows::list);
  }

  /** How many payments {@link #unsettled} would find, without a limit. */
  public Future<Long> countUnsettled(SqlClient client, Duration settleAfter) {
    return client
        .preparedQuery(
            "SELECT count(*) AS n FROM payments WHERE payment_status IN ('pending', 'authorized')"
                + " AND updated_at < now() - $1 * interval '1 millisecond'")
        .mapping(row -> row.getLong("n"))
        .execute(Tuple.of(settleAfter.toMillis()))
        .map(rows -> Rows.first(rows).orElseThrow());
  }

  /** Every payment of an order, oldest first, each with its history. */
  public Future<Map<Payment, List<JsonObject>>> ofOrder(SqlClient client, long orderId) {
    return client
        .preparedQuery(
            "SELECT " + Payment.COLUMNS + " FROM payments WHERE order_id = $1 ORDER BY id")
        .mapping(Payment::fromRow)
        .execute(Tuple.of(orderId))
        .map(Rows::list)
        .compose(payments -> withHistory(client, payments));
  }

  /** The payment with its history. */
  public Future<JsonObject> describe(SqlClient client, Payment payment) {
    return withHistory(client, List.of(payment)).map(found -> payment.toJson(found.get(payment)));
  }

  /** Remembers a gateway event; false when it was seen before and must not be applied again. */
  public Future<Boolean> firstDelivery(
      SqlClient tx, String provider, String eventId, String eventType) {
    return tx.preparedQuery(
            "INSERT INTO webhook_events (provider, event_id, event_type) VALUES ($1, $2, $3)"
                + " ON CONFLICT DO NOTHING")
        .execute(Tuple.of(provider, eventId, eventType))
        .map(rows -> rows.rowCount() == 1);
  }

  /**
   * Forgets handled gateway events older than {@code retention}, far beyond any gateway's
   * redelivery window. Returns how many went.
   */
  public Future<Integer> forgetWebhookEvents(SqlClient client, Duration retention) {
    return client
        .preparedQuery(
            "DELETE FROM webhook_events WHERE received_at < now() - $1 * interval '1 millisecond'")
        .execute(Tuple.of(retention.toMillis()))
        .map(rows -> rows.rowCount());
  }

  private static Future<Map<Payment, List<JsonObject>>> withHistory(
      SqlClient client, List<Payment> payments) {
    Map<Long, Payment> byId = new LinkedHashMap<>();
    Map<Payment, List<JsonObject>> result = new LinkedHashMap<>();
    payments.forEach(
        payment -> {
          byId.put(payment.id(), payment);
          result.put(payment, new ArrayList<>());
        });
    if (payments.isEmpty()) {
      return Future.succeededFuture(result);
    }
    return client
        .preparedQuery(
            "SELECT payment_id, payment_status, gateway_reference, detail, source, created_at"
                + " FROM payment_events WHERE payment_id = ANY($1) ORDER BY id")
        .execute(Tuple.tuple().addValue(byId.keySet().toArray(Long[]::new)))
        .map(
            rows -> {
              rows.forEach(
                  row ->
                      result
                          .get(byId.get(row.getLong("payment_id")))
                          .add(
                              new JsonObject()
                                  .put("payment_status", row.getString("payment_status"))
                                  .put("gateway_reference", row.getString("gateway_reference"))
                                  .put("detail", row.getString("detail"))
                                  .put("source", row.getString("source"))
                                  .put(
                                      "created_at",
                                      Timestamps.format(row.getOffsetDateTime("created_at")))));
              return result;
            });
  }

  /** A payment awaiting the gateway; {@code lost} once no call about it can still arrive. */
  public record Unsettled(Payment payment, boolean lost) {}

  /** A payment found by the buyer's key, with the hash of the request that first used it. */
  public record KeyedPayment(Payment payment, byte[] requestHash) {}
}
