package dev.marketplace.payment.sandbox;

import dev.marketplace.payment.gateway.GatewayPayment.Status;
import dev.marketplace.payment.gateway.WebhookSignature;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * A card processor to develop and test against, on its own HTTP port: it speaks the gateway
 * protocol of {@code docs/payments.md}, decides by test card token ({@code tok_success}, {@code
 * tok_declined}, {@code tok_insufficient_funds}, {@code tok_slow}, {@code tok_error}), and reports
 * every change by signed webhook. {@code tok_slow} is authorized at once but answered only after
 * the configured delay, longer than the client waits, as a processor under strain would.
 *
 * <p>Deploy one instance: the ledger lives in this verticle.
 */
public final class SandboxGatewayVerticle extends VerticleBase {

  /**
   * What the sandbox is told.
   *
   * @param host the address it listens on
   * @param port where it listens (0 for any free port)
   * @param apiKey the key clients must send as bearer token
   * @param webhookSecret the secret its webhooks are signed with
   * @param webhookUrl where it sends its webhooks
   * @param slow how long {@code tok_slow} takes to answer
   */
  public record Settings(
      String host,
      int port,
      String apiKey,
      String webhookSecret,
      String webhookUrl,
      Duration slow) {}

  private final Settings settings;
  private final Clock clock;
  private final SandboxLedger ledger = new SandboxLedger();
  private HttpServer server;
  private WebhookSender webhooks;
  private byte[] apiKey;
  private long slowMillis;

  public SandboxGatewayVerticle(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    apiKey = ("Bearer " + settings.apiKey()).getBytes(StandardCharsets.UTF_8);
    slowMillis = settings.slow().toMillis();
    webhooks =
        new WebhookSender(
            vertx, settings.webhookUrl(), new WebhookSignature(settings.webhookSecret()), clock);
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create(false).setBodyLimit(16 * 1024));
    router.route().handler(this::authenticate);
    router.post("/v1/payments").handler(this::authorize);
    router.post("/v1/payments/:id/capture").handler(this::capture);
    router.post("/v1/payments/:id/refund").handler(this::refund);
    router.get("/v1/payments/by-key/:key").handler(this::lookup);
    router.get("/v1/payments").handler(this::listByReference);
    return vertx
        .createHttpServer()
        .requestHandler(router)
        .listen(settings.port(), settings.host())
        .onSuccess(listening -> server = listening);
  }

  /** The port the sandbox listens on (useful when it was asked for any free port). */
  public int actualPort() {
    return server.actualPort();
  }

  private void authenticate(RoutingContext rc) {
    String given = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), apiKey)) {
      error(rc, 401, "invalid_api_key");
      return;
    }
    rc.next();
  }

  private void authorize(RoutingContext rc) {
    Optional<UUID> key = keyOf(rc);
    JsonObject body = jsonBody(rc);
    if (key.isEmpty() || body == null) {
      error(rc, 400, "invalid_request");
      return;
    }
    BigDecimal amount = amountOf(body);
    String token = body.getString("card_token");
    String reference = body.getString("reference");
    if (amount == null || token == null || reference == null) {
      error(rc, 400, "invalid_request");
      return;
    }
    Optional<SandboxPayment> known = ledger.byKey(key.get());
    if (known.isPresent()
        && (known.get().amount.compareTo(amount) != 0
            || !known.get().reference.equals(reference)
            || !known.get().cardToken.equals(token))) {
      error(rc, 409, "idempotency_key_reused");
      return;
    }
    Optional<SandboxPayment> payment =
        known.isPresent() ? known : ledger.authorize(key.get(), reference, amount, token);
    if (payment.isEmpty()) {
      error(rc, 500, "processing_error");
      return;
    }
    boolean fresh = known.isEmpty();
    if (SandboxLedger.SLOW.equals(token)) {
      vertx.setTimer(slowMillis, late -> answer(rc, payment.get(), fresh));
    } else {
      answer(rc, payment.get(), fresh);
    }
  }

  private void capture(RoutingContext rc) {
    Optional<SandboxPayment> found = ledger.byId(rc.pathParam("id"));
    if (found.isEmpty()) {
      error(rc, 404, "no_such_payment");
      return;
    }
    SandboxPayment payment = found.get();
    switch (payment.status) {
      case AUTHORIZED -> {
        payment.status = Status.CAPTURED;
        answer(rc, payment, true);
      }
      case CAPTURED -> answer(rc, payment, false);
      default -> error(rc, 409, "payment_not_authorized");
    }
  }

  private void refund(RoutingContext rc) {
    Optional<SandboxPayment> found = ledger.byId(rc.pathParam("id"));
    JsonObject body = jsonBody(rc);
    BigDecimal amount = body == null ? null : amountOf(body);
    if (found.isEmpty()) {
      error(rc, 404, "no_such_payment");
      return;
    }
    SandboxPayment payment = found.get();
    if (amount == null || amount.compareTo(payment.amount) != 0) {
      error(rc, 400, "only_full_refunds");
      return;
    }
    switch (payment.status) {
      case CAPTURED -> {
        payment.status = Status.REFUNDED;
        answer(rc, payment, true);
      }
      case REFUNDED -> answer(rc, payment, false);
      default -> error(rc, 409, "payment_not_captured");
    }
  }

  private void lookup(RoutingContext rc) {
    Optional<SandboxPayment> found;
    try {
      found = ledger.byKey(UUID.fromString(rc.pathParam("key")));
    } catch (IllegalArgumentException malformed) {
      found = Optional.empty();
    }
    if (found.isEmpty()) {
      error(rc, 404, "no_such_payment");
      return;
    }
    answer(rc, found.get(), false);
  }

  private void listByReference(RoutingContext rc) {
    String reference = rc.queryParams().get("reference");
    JsonArray data = new JsonArray();
    if (reference != null) {
      ledger.byReference(reference).forEach(payment -> data.add(payment.toJson()));
    }
    rc.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(new JsonObject().put("data", data).encode());
  }

  /** Answers with the payment; a change is then announced by webhook, as processors do. */
  private void answer(RoutingContext rc, SandboxPayment payment, boolean changed) {
    rc.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(payment.toJson().encode());
    if (changed) {
      webhooks.paymentChanged(payment);
    }
  }

  private static Optional<UUID> keyOf(RoutingContext rc) {
    try {
      return Optional.of(UUID.fromString(rc.request().getHeader("Idempotency-Key")));
    } catch (IllegalArgumentException | NullPointerException missing) {
      return Optional.empty();
    }
  }

  private static JsonObject jsonBody(RoutingContext rc) {
    try {
      return rc.body().asJsonObject();
    } catch (RuntimeException malformed) {
      return null;
    }
  }

  private static BigDecimal amountOf(JsonObject body) {
    try {
      BigDecimal amount = new BigDecimal(body.getString("amount"));
      return amount.signum() > 0 ? amount : null;
    } catch (RuntimeException malformed) {
      return null;
    }
  }

  private static void error(RoutingContext rc, int status, String code) {
    rc.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(new JsonObject().put("error", code).encode());
  }
}
