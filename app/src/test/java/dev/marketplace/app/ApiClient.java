package dev.marketplace.app;

import dev.marketplace.app.testing.ContractCheck;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.openapi.contract.OpenAPIContract;

/**
 * Talks HTTP to the server under test and checks every answer against the contract, so that the
 * contract cannot drift from what the server really does: a declared status must match its schema,
 * and any failure must use the error format.
 */
final class ApiClient {

  private final WebClient client;
  private final ContractCheck contract;
  private final String accessToken;

  private ApiClient(WebClient client, ContractCheck contract, String accessToken) {
    this.client = client;
    this.contract = contract;
    this.accessToken = accessToken;
  }

  /** The contract the answers are checked against. */
  OpenAPIContract contract() {
    return contract.contract();
  }

  /** A client that sends {@code Authorization: Bearer <token>} with every request. */
  ApiClient withToken(String token) {
    return new ApiClient(client, contract, token);
  }

  /** A client whose connections come from another local address, like another computer. */
  ApiClient from(Vertx vertx, String localAddress, int port) {
    WebClient other =
        WebClient.create(
            vertx,
            new WebClientOptions()
                .setDefaultHost("127.0.0.1")
                .setDefaultPort(port)
                .setLocalAddress(localAddress));
    return new ApiClient(other, contract, accessToken);
  }

  static ApiClient connect(Vertx vertx, int port) {
    WebClient client =
        WebClient.create(
            vertx,
            new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port),
            new PoolOptions().setHttp1MaxSize(100));
    return new ApiClient(client, ContractCheck.load(vertx), null);
  }

  ApiResponse get(String path) {
    return send(HttpMethod.GET, path, null, null);
  }

  /** A GET with extra headers, such as {@code If-None-Match}. */
  ApiResponse get(String path, java.util.Map<String, String> headers) {
    HttpRequest<Buffer> request = prepare(HttpMethod.GET, path, null);
    headers.forEach(request::putHeader);
    return check(HttpMethod.GET, path, request.send().await());
  }

  /** For the few resources the contract does not describe, such as the contract itself. */
  ApiResponse getOutsideContract(String path, java.util.Map<String, String> headers) {
    HttpRequest<Buffer> request = prepare(HttpMethod.GET, path, null);
    headers.forEach(request::putHeader);
    HttpResponse<Buffer> response = request.send().await();
    return new ApiResponse(response.statusCode(), response.headers(), response.body());
  }

  /** For the few resources the contract does not describe, such as the contract itself. */
  ApiResponse getOutsideContract(String path) {
    HttpResponse<Buffer> response = request(HttpMethod.GET, path, null, null).await();
    return new ApiResponse(response.statusCode(), response.headers(), response.body());
  }

  ApiResponse post(String path, JsonObject body) {
    return send(HttpMethod.POST, path, "application/json", body.toBuffer());
  }

  ApiResponse put(String path, JsonObject body) {
    return send(HttpMethod.PUT, path, "application/json", body.toBuffer());
  }

  /** Sends exactly these bytes with this content type, for malformed-input tests. */
  ApiResponse send(HttpMethod method, String path, String contentType, Buffer body) {
    return check(method, path, request(method, path, contentType, body).await());
  }

  /** Sends exactly these bytes with this content type and these extra headers. */
  ApiResponse sendWithHeaders(
      HttpMethod method,
      String path,
      String contentType,
      Buffer body,
      java.util.Map<String, String> headers) {
    HttpRequest<Buffer> request = prepare(method, path, contentType);
    headers.forEach(request::putHeader);
    return check(method, path, request.sendBuffer(body).await());
  }

  /** Posts {@code body} exactly as given, with extra headers (e.g. a webhook's signature). */
  ApiResponse postRaw(String path, String body, java.util.Map<String, String> headers) {
    HttpRequest<Buffer> request = prepare(HttpMethod.POST, path, "application/json");
    headers.forEach(request::putHeader);
    return check(HttpMethod.POST, path, request.sendBuffer(Buffer.buffer(body)).await());
  }

  /**
   * Starts a request without waiting, for concurrency tests; check the result with {@link #check}.
   */
  io.vertx.core.Future<HttpResponse<Buffer>> sendAsync(
      HttpMethod method, String path, JsonObject body) {
    return request(method, path, "application/json", body == null ? null : body.toBuffer());
  }

  /** A GET whose checked answer arrives later, for load that does not wait on it. */
  io.vertx.core.Future<ApiResponse> getLater(String path) {
    return request(HttpMethod.GET, path, null, null)
        .compose(response -> checkLater(HttpMethod.GET, path, response));
  }

  /**
   * A POST, with an {@code Idempotency-Key} unless it is null, whose checked answer arrives later.
   */
  io.vertx.core.Future<ApiResponse> postLater(String path, JsonObject body, String key) {
    return sendAsync(HttpMethod.POST, path, body, key)
        .compose(response -> checkLater(HttpMethod.POST, path, response));
  }

  /**
   * As {@link #sendAsync(HttpMethod, String, JsonObject)}, with an {@code Idempotency-Key} unless
   * it is null.
   */
  io.vertx.core.Future<HttpResponse<Buffer>> sendAsync(
      HttpMethod method, String path, JsonObject body, String idempotencyKey) {
    HttpRequest<Buffer> request = prepare(method, path, "application/json");
    if (idempotencyKey != null) {
      request.putHeader("Idempotency-Key", idempotencyKey);
    }
    return request.sendBuffer(body.toBuffer());
  }

  ApiResponse check(HttpMethod method, String path, HttpResponse<Buffer> response) {
    return checkLater(method, path, response).await();
  }

  /** {@link #check}, without blocking: usable on an event loop. */
  io.vertx.core.Future<ApiResponse> checkLater(
      HttpMethod method, String path, HttpResponse<Buffer> response) {
    Buffer body = response.body() == null ? Buffer.buffer() : response.body();
    ApiResponse answer = new ApiResponse(response.statusCode(), response.headers(), body);
    // Every answer names its request, and an error body names the same one.
    String requestId = response.getHeader("X-Request-Id");
    org.assertj.core.api.Assertions.assertThat(requestId)
        .as("X-Request-Id of %s %s", method, path)
        .matches("[0-9a-f]{32}");
    if (response.statusCode() == 201) {
      org.assertj.core.api.Assertions.assertThat(response.getHeader("Location"))
          .as("Location of the 201 of %s %s", method, path)
          .startsWith("/api/");
    }
    if (response.statusCode() >= 400 && body.length() > 0 && body.getByte(0) == '{') {
      String inBody = body.toJsonObject().getString("request_id");
      if (inBody != null) {
        org.assertj.core.api.Assertions.assertThat(inBody).isEqualTo(requestId);
      }
    }
    return contract
        .verifyLater(method, path, answer.status(), response.getHeader("content-type"), body)
        .map(valid -> answer);
  }

  private io.vertx.core.Future<HttpResponse<Buffer>> request(
      HttpMethod method, String path, String contentType, Buffer body) {
    HttpRequest<Buffer> request = prepare(method, path, contentType);
    return body == null ? request.send() : request.sendBuffer(body);
  }

  private HttpRequest<Buffer> prepare(HttpMethod method, String path, String contentType) {
    HttpRequest<Buffer> request = client.request(method, path);
    if (accessToken != null) {
      request.putHeader("authorization", "Bearer " + accessToken);
    }
    if (contentType != null) {
      request.putHeader("content-type", contentType);
    }
    return request;
  }
}
