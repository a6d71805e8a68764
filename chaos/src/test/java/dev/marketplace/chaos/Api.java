package dev.marketplace.chaos;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.UUID;

/** HTTP calls to the api node, each answered or classified: never an exception, never a hang. */
final class Api {

  /** No HTTP answer within the limit: the api hung. */
  static final int NO_ANSWER = -1;

  /** The connection was refused or reset before an answer: no api node was listening. */
  static final int NO_CONNECTION = -2;

  record Answer(int status, JsonObject body, long millis) {
    boolean definitive() {
      return status >= 200 && status < 500;
    }

    long id() {
      return body.getLong("id");
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String base;
  private final Duration limit;

  Api(String base, Duration limit) {
    this.base = base;
    this.limit = limit;
  }

  String base() {
    return base;
  }

  Answer post(String path, String token, JsonObject body, String idempotencyKey) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(limit)
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(request, token);
  }

  Answer get(String path, String token) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(limit).GET(), token);
  }

  private Answer send(HttpRequest.Builder request, String token) {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    long started = System.nanoTime();
    try {
      HttpResponse<String> answer =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonObject body;
      try {
        body = answer.body().isBlank() ? new JsonObject() : new JsonObject(answer.body());
      } catch (RuntimeException notAnObject) {
        body = new JsonObject().put("raw", answer.body());
      }
      return new Answer(answer.statusCode(), body, elapsed(started));
    } catch (HttpTimeoutException hung) {
      return new Answer(NO_ANSWER, new JsonObject(), elapsed(started));
    } catch (IOException refused) {
      return new Answer(NO_CONNECTION, new JsonObject(), elapsed(started));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(NO_ANSWER, new JsonObject(), elapsed(started));
    }
  }

  private static long elapsed(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  static String newKey() {
    return UUID.randomUUID().toString();
  }
}
