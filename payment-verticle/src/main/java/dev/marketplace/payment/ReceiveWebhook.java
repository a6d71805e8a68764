package dev.marketplace.payment;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.ErrorCode;
import dev.marketplace.payment.PaymentRepository.Source;
import dev.marketplace.payment.gateway.GatewayPayment;
import dev.marketplace.payment.gateway.WebhookSignature;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gateway tells us a payment changed. The signature over the timestamp and the exact body must be
 * ours and recent (401 otherwise). The event id is recorded in the same transaction as the change
 * it brings, so an event applies once however often it is delivered; since payment statuses only
 * move forward, events arriving out of order cannot undo each other. The answer is 200 once
 * recorded; a capture that follows runs after it, left to the reconciler if it fails.
 */
public final class ReceiveWebhook implements OperationHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ReceiveWebhook.class);

  private final Pool pool;
  private final PaymentRepository payments;
  private final PaymentSettlement settlement;
  private final String provider;
  private final WebhookSignature signature;
  private final Clock clock;

  public ReceiveWebhook(
      Pool pool,
      PaymentRepository payments,
      PaymentSettlement settlement,
      String provider,
      WebhookSignature signature,
      Clock clock) {
    this.pool = pool;
    this.payments = payments;
    this.settlement = settlement;
    this.provider = provider;
    this.signature = signature;
    this.clock = clock;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    String named = request.path().getString("provider");
    if (!provider.equals(named)) {
      throw DomainException.notFound("No payment provider " + named + " is configured.");
    }
    String raw = request.body().getString("raw");
    String problem =
        signature.problemWith(
            request.headers().getString(WebhookSignature.HEADER), raw, clock.instant());
    if (problem != null) {
      throw new DomainException(ErrorCode.UNAUTHORIZED, problem);
    }
    JsonObject event;
    GatewayPayment seen;
    UUID key;
    try {
      event = new JsonObject(raw);
      JsonObject data = event.getJsonObject("data");
      seen = GatewayPayment.fromJson(data);
      key = UUID.fromString(data.getString("idempotency_key"));
    } catch (DecodeException
        | IllegalArgumentException
        | NullPointerException
        | ClassCastException e) {
      throw DomainException.badRequest("The event is not a payment event this API understands.");
    }
    String eventId = event.getString("id");
    String type = event.getString("type");
    return pool.withTransaction(
            tx ->
                payments
                    .byGatewayKey(tx, key)
                    .compose(
                        payment -> {
                          if (payment.isEmpty()) {
                            LOG.warn("Webhook {} names no payment of ours; ignored", eventId);
                            return Future.succeededFuture(
                                Optional.<PaymentSettlement.Recorded>empty());
                          }
                          return payments
                              .firstDelivery(tx, provider, eventId, type)
                              .compose(
                                  first ->
                                      first
                                          ? settlement
                                              .record(tx, payment.get(), seen, Source.WEBHOOK)
                                              .map(Optional::of)
                                          : Future.succeededFuture(
                                              Optional.<PaymentSettlement.Recorded>empty()));
                        }))
        .map(
            recorded -> {
              recorded.ifPresent(
                  done ->
                      settlement
                          .followUp(done, Source.WEBHOOK)
                          .onFailure(
                              failure ->
                                  LOG.warn(
                                      "After webhook {}: {}; left to the reconciler",
                                      eventId,
                                      failure.toString())));
              return Reply.ok(
                  new JsonObject().put("received", true).put("applied", recorded.isPresent()));
            });
  }
}
