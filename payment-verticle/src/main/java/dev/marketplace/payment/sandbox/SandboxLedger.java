package dev.marketplace.payment.sandbox;

import dev.marketplace.payment.gateway.GatewayPayment.Status;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The sandbox's book of payments and how each test card behaves. Lives on the sandbox verticle's
 * event loop only, so it needs no locking; it is kept in memory, as a sandbox's state may be lost.
 */
final class SandboxLedger {

  static final String SUCCESS = "tok_success";
  static final String DECLINED = "tok_declined";
  static final String INSUFFICIENT_FUNDS = "tok_insufficient_funds";
  static final String SLOW = "tok_slow";
  static final String ERROR = "tok_error";

  private final Map<String, SandboxPayment> byId = new LinkedHashMap<>();
  private final Map<UUID, SandboxPayment> byKey = new LinkedHashMap<>();

  /**
   * Authorizes (or declines) a new payment under a key not used before. Empty for the error card,
   * which records nothing.
   */
  Optional<SandboxPayment> authorize(
      UUID key, String reference, BigDecimal amount, String cardToken) {
    if (ERROR.equals(cardToken)) {
      return Optional.empty();
    }
    SandboxPayment payment =
        new SandboxPayment(
            "pay_" + UUID.randomUUID().toString().replace("-", ""),
            key,
            reference,
            amount,
            cardToken);
    switch (cardToken) {
      case SUCCESS, SLOW -> payment.status = Status.AUTHORIZED;
      case DECLINED -> decline(payment, "card_declined", "The card was declined.");
      case INSUFFICIENT_FUNDS ->
          decline(payment, "insufficient_funds", "The card has insufficient funds.");
      default -> decline(payment, "invalid_card_token", "The card token is not recognised.");
    }
    byId.put(payment.id, payment);
    byKey.put(key, payment);
    return Optional.of(payment);
  }

  Optional<SandboxPayment> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  Optional<SandboxPayment> byKey(UUID key) {
    return Optional.ofNullable(byKey.get(key));
  }

  List<SandboxPayment> byReference(String reference) {
    List<SandboxPayment> found = new ArrayList<>();
    for (SandboxPayment payment : byId.values()) {
      if (payment.reference.equals(reference)) {
        found.add(payment);
      }
    }
    return found;
  }

  private static void decline(SandboxPayment payment, String code, String message) {
    payment.status = Status.DECLINED;
    payment.declineCode = code;
    payment.message = message;
  }
}
