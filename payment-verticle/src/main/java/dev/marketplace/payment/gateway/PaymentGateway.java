package dev.marketplace.payment.gateway;

import io.vertx.core.Future;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/**
 * A card processor. Every call carries our key of the payment, so that a retried call never moves
 * money twice. A call that gets no answer in time fails with {@link GatewayException} of kind
 * {@link GatewayException.Kind#TIMEOUT}: its outcome is unknown until {@link #lookup} tells.
 */
public interface PaymentGateway {

  /**
   * Reserves {@code amount} on the card the token stands for; a decline is a result, not a failure.
   */
  Future<GatewayPayment> authorize(UUID key, BigDecimal amount, String cardToken, long orderId);

  /** Takes the authorized money. Capturing a captured payment again changes nothing. */
  Future<GatewayPayment> capture(UUID key, String reference);

  /** Gives the captured money back. Refunding a refunded payment again changes nothing. */
  Future<GatewayPayment> refund(UUID key, String reference, BigDecimal amount);

  /** The gateway's view of the payment made with {@code key}; empty if it never received it. */
  Future<Optional<GatewayPayment>> lookup(UUID key);
}
