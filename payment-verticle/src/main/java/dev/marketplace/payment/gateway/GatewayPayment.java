package dev.marketplace.payment.gateway;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * A payment as the gateway sees it: its reference there, where it stands, and why it was declined.
 */
public record GatewayPayment(
    String reference, Status status, BigDecimal amount, String declineCode, String message) {

  /** Where a payment stands at the gateway. */
  public enum Status {
    AUTHORIZED,
    CAPTURED,
    DECLINED,
    REFUNDED;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Status fromWire(String value) {
      return valueOf(value.toUpperCase(Locale.ROOT));
    }
  }

  /** Reads the gateway protocol's payment object; amounts travel as decimal strings. */
  public static GatewayPayment fromJson(JsonObject json) {
    return new GatewayPayment(
        json.getString("id"),
        Status.fromWire(json.getString("status")),
        new BigDecimal(json.getString("amount")),
        json.getString("decline_code"),
        json.getString("message"));
  }
}
