package dev.marketplace.client;

import dev.marketplace.client.failure.ApiException;
import dev.marketplace.client.http.Call;
import dev.marketplace.client.http.Transport;
import dev.marketplace.client.model.Payment;
import java.util.List;
import java.util.Map;

/**
 * Paying the signed-in buyer's orders by card token. The sandbox gateway's tokens: {@link
 * #SANDBOX_CARDS}.
 */
public final class Payments {

  /** Card tokens the sandbox gateway knows, and what each does. */
  public static final Map<String, String> SANDBOX_CARDS =
      Map.of(
          "tok_success", "pays",
          "tok_declined", "is declined",
          "tok_insufficient_funds", "is declined for insufficient funds",
          "tok_slow", "answers too late (the payment settles later)",
          "tok_error", "fails at the gateway");

  private final Transport transport;

  Payments(Transport transport) {
    this.transport = transport;
  }

  /**
   * Pays a pending order's total with a card token. Captured: the payment, {@code captured}. The
   * gateway slow: the payment, still {@code pending}, to be settled later. Declined: {@link
   * ApiException} 402 {@code payment_failed} with the reason.
   */
  public Payment pay(long orderId, String cardToken, String idempotencyKey) {
    return transport.send(
        Call.post("/api/buyers/orders/" + orderId + "/payments")
            .idempotencyKey(idempotencyKey)
            .json(Map.of("payment_method", "card", "card_token", cardToken))
            .authenticated(),
        Payment.class);
  }

  /** Every attempt to pay the order, oldest first, with its history. */
  public List<Payment> list(long orderId) {
    return transport
        .send(Call.get("/api/buyers/orders/" + orderId + "/payments").authenticated())
        .list("payments", Payment.class);
  }
}
