package dev.marketplace.payment.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A gateway spoken to over HTTP with the protocol in {@code docs/payments.md}, which the sandbox
 * gateway serves: JSON bodies, amounts as decimal strings, a bearer API key, and our payment key as
 * {@code Idempotency-Key} on every call that moves money.
 *
 * <p>Only a refused connection means the gateway did nothing; any other failure after the request
 * may have left leaves the outcome unknown, and is reported as a timeout for the reconciler.
 */
public final class HttpPaymentGateway implements PaymentGateway {

  private final HttpClient client;
  private final String baseUrl;
  private final String apiKey;
  private final long timeoutMillis;

  public HttpPaymentGateway(Vertx vertx, String baseUrl, String apiKey, long timeoutMillis) {
    this.client =
        vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) timeoutMillis));
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.apiKey = apiKey;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public Future<GatewayPayment> authorize(
      UUID key, BigDecimal amount, String cardToken, long orderId) {
    JsonObject body =
        new JsonObject()
            .put("amount", amount.toPlainString())
            .put("card_token", cardToken)
            .put("reference", "order-" + orderId);
    return call(HttpMethod.POST, "/v1/payments", key, body).map(this::payment);
  }

  @Override
  public Future<GatewayPayment> capture(UUID key, String reference) {
    return call(HttpMethod.POST, "/v1/payments/" + reference + "/capture", key, new JsonObject())
        .map(this::payment);
  }

  @Override
  public Future<GatewayPayment> refund(UUID key, String reference, BigDecimal amount) {
    return call(
            HttpMethod.POST,
            "/v1/payments/" + reference + "/refund",
            key,
            new JsonObject().put("amount", amount.toPlainString()))
        .map(this::payment);
  }

  @Override
  public Future<Optional<GatewayPayment>> lookup(UUID key) {
    return call(HttpMethod.GET, "/v1/payments/by-key/" + key, null, null)
        .map(answer -> answer.status() == 404 ? Optional.empty() : Optional.of(payment(answer)));
  }

  private GatewayPayment payment(Answer answer) {
    if (answer.status() >= 500) {
      throw new GatewayException(
          GatewayException.Kind.UNAVAILABLE, "The gateway answered " + answer.status() + ".");
    }
    if (answer.status() != 200) {
      throw new GatewayException(
          GatewayException.Kind.REJECTED,
          "The gateway refused the call with " + answer.status() + ": " + answer.body());
    }
    return GatewayPayment.fromJson(answer.body().toJsonObject());
  }

  private Future<Answer> call(HttpMethod method, String path, UUID key, JsonObject body) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(method)
            .setAbsoluteURI(baseUrl + path)
            .setIdleTimeout(timeoutMillis)
            .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey);
    if (key != null) {
      options.putHeader("Idempotency-Key", key.toString());
    }
    if (body != null) {
      options.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    }
    return client
        .request(options)
        .compose(request -> body == null ? request.send() : request.send(body.toBuffer()))
        .compose(response -> response.body().map(text -> new Answer(response.statusCode(), text)))
        .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .recover(failure -> Future.failedFuture(classify(failure)));
  }

  private static Throwable classify(Throwable failure) {
    if (failure instanceof GatewayException) {
      return failure;
    }
    if (failure instanceof ConnectException) {
      return new GatewayException(
          GatewayException.Kind.UNAVAILABLE, "The gateway cannot be reached: " + failure);
    }
    return new GatewayException(
        GatewayException.Kind.TIMEOUT, "The gateway did not answer in time: " + failure);
  }

  private record Answer(int status, Buffer body) {}
}
