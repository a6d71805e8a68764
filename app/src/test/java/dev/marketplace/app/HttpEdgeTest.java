package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Failures the HTTP edge answers itself, always in the error format and never with a 500. */
class HttpEdgeTest extends ApiTest {

  @Test
  void unknownPathsAreNotFound() {
    ApiResponse response = api.get("/api/nothing/here");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.errorCode()).isEqualTo("not_found");
  }

  @Test
  void unsupportedMethodsAreRefused() {
    ApiResponse response = api.send(HttpMethod.DELETE, "/api/buyers/orders", null, null);

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.errorCode()).isEqualTo("method_not_allowed");
  }

  @Test
  void malformedJsonIsABadRequest() {
    ApiResponse response =
        api.send(
            HttpMethod.POST,
            "/api/buyers/register",
            "application/json",
            Buffer.buffer("{\"name\": \"Ada\", "));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorCode()).isEqualTo("validation_failed");
  }

  @Test
  void aMissingBodyIsABadRequest() {
    ApiResponse response =
        api.send(HttpMethod.POST, "/api/buyers/register", "application/json", null);

    assertThat(response.status()).isEqualTo(400);
  }

  @Test
  void unknownFieldsAreRefusedByName() {
    ApiResponse response =
        api.post(
            "/api/buyers/login",
            new JsonObject()
                .put("email", "a@example.com")
                .put("password", "pw")
                .put("admin", true));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().getString("message")).contains("admin");
  }

  @Test
  void bodiesOfOtherMediaTypesAreUnsupported() {
    ApiResponse text =
        api.send(HttpMethod.POST, "/api/buyers/register", "text/plain", Buffer.buffer("name=Ada"));
    ApiResponse form =
        api.send(
            HttpMethod.POST,
            "/api/buyers/orders",
            "application/x-www-form-urlencoded",
            Buffer.buffer("buyer_id=1"));

    assertThat(text.status()).isEqualTo(415);
    assertThat(text.errorCode()).isEqualTo("unsupported_media_type");
    assertThat(form.status()).isEqualTo(415);
  }

  @Test
  void oversizedBodiesAreRefusedWithoutBeingRead() throws Exception {
    String huge = "x".repeat(70_000);
    ApiResponse response =
        api.post(
            "/api/buyers/register",
            new JsonObject()
                .put("name", huge)
                .put("email", "big@example.com")
                .put("password", huge));

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.errorCode()).isEqualTo("payload_too_large");
    assertThat(database.queryLong("SELECT count(*) FROM users WHERE email = 'big@example.com'"))
        .isZero();
  }

  @Test
  void healthEndpointsReportEveryDomainVerticle() {
    ApiResponse live = api.get("/health/live");
    ApiResponse ready = api.get("/health/ready");

    assertThat(live.status()).isEqualTo(200);
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().getJsonObject("checks"))
        .isEqualTo(
            new JsonObject()
                .put("accounts", "up")
                .put("catalog", "up")
                .put("orders", "up")
                .put("payments", "up"));
  }

  @Test
  void servesPrometheusMetricsOfRequestsByRouteAndOfTheJvm() {
    api.get("/api/buyers/products");

    ApiResponse metrics = api.getOutsideContract("/metrics");

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.headers().get("content-type")).startsWith("text/plain");
    assertThat(metrics.body().toString())
        .containsPattern(
            "vertx_http_server_requests_total\\{[^}]*route=\"/api/buyers/products\"[^}]*\\} [1-9]")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void servesTheContract() {
    ApiResponse response = api.getOutsideContract("/openapi.yaml");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body().toString()).startsWith("openapi: 3.1.0");
  }
}
