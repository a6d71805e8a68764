package dev.marketplace.payment.sandbox;

import dev.marketplace.payment.gateway.WebhookSignature;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the sandbox's notifications the way card processors do: signed, at least once, retried
 * with growing pauses until the receiver answers 2xx, so receivers must cope with duplicates.
 */
final class WebhookSender {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
  private static final int ATTEMPTS = 5;
  private static final long FIRST_PAUSE_MS = 500;

  private final Vertx vertx;
  private final HttpClient client;
  private final String url;
  private final WebhookSignature signature;
  private final Clock clock;

  WebhookSender(Vertx vertx, String url, WebhookSignature signature, Clock clock) {
    this.vertx = vertx;
    this.client = vertx.createHttpClient();
    this.url = url;
    this.signature = signature;
    this.clock = clock;
  }

  /** Sends a {@code payment.<status>} event about {@code payment}. */
  void paymentChanged(SandboxPayment payment) {
    JsonObject event =
        new JsonObject()
            .put("id", "evt_" + UUID.randomUUID().toString().replace("-", ""))
            .put("type", "payment." + payment.status.wireName())
            .put("created", clock.instant().getEpochSecond())
            .put("data", payment.toJson());
    deliver(event.encode(), 1);
  }

  private void deliver(String body, int attempt) {
    client
        .request(
            new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(url)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(WebhookSignature.HEADER, signature.sign(body, clock.instant())))
        .compose(request -> request.send(body))
        .onComplete(
            result -> {
              int status = result.succeeded() ? result.result().statusCode() : 0;
              if (status >= 200 && status < 300) {
                return;
              }
              if (attempt == ATTEMPTS) {
                LOG.warn("Webhook to {} given up after {} attempts", url, attempt);
                return;
              }
              vertx.setTimer(FIRST_PAUSE_MS << (attempt - 1), retry -> deliver(body, attempt + 1));
            });
  }
}
