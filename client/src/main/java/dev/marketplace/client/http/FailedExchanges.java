package dev.marketplace.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketplace.client.failure.ApiException;
import dev.marketplace.client.failure.ServerUnreachableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** What an exchange that failed means, as the exception a caller can act on. */
final class FailedExchanges {

  /** The most of an error body read from a stream that failed. */
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private FailedExchanges() {}

  /** The server's error as an exception, with its code and message when it sent them. */
  static ApiException refusal(HttpResponse<?> response) {
    byte[] bytes = bodyBytes(response);
    String code = "http_" + response.statusCode();
    String message = "The server answered HTTP " + response.statusCode() + ".";
    try {
      JsonNode error = Json.mapper().readTree(bytes);
      if (error != null && error.hasNonNull("error") && error.hasNonNull("message")) {
        code = error.get("error").asText();
        message = error.get("message").asText();
      }
    } catch (IOException notJson) {
      // A proxy's page, say: the status alone is what we know.
    }
    Long retryAfter =
        response.headers().firstValue("retry-after").map(FailedExchanges::seconds).orElse(null);
    return new ApiException(response.statusCode(), code, message, retryAfter);
  }

  private static byte[] bodyBytes(HttpResponse<?> response) {
    Object body = response.body();
    if (body instanceof byte[] bytes) {
      return bytes;
    }
    if (body instanceof InputStream stream) {
      try (stream) {
        return stream.readNBytes(MAX_ERROR_BODY);
      } catch (IOException e) {
        return new byte[0];
      }
    }
    return new byte[0];
  }

  static void discard(HttpResponse<?> response) {
    if (response.body() instanceof InputStream stream) {
      try {
        stream.close();
      } catch (IOException ignored) {
        // Nothing left to read anyway.
      }
    }
  }

  private static Long seconds(String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** No answer: the server is down, unreachable, or too slow. */
  static ServerUnreachableException unreachable(
      URI server, Duration requestTimeout, IOException e) {
    String why;
    if (e instanceof HttpConnectTimeoutException) {
      why = "the connection timed out";
    } else if (e instanceof HttpTimeoutException) {
      return new ServerUnreachableException(
          "The marketplace at "
              + server
              + " did not answer within "
              + requestTimeout.toSeconds()
              + " s.",
          e);
    } else if (e instanceof ConnectException) {
      why = "nothing answers there";
    } else {
      why = "the connection failed" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }
    return new ServerUnreachableException(
        "Cannot reach the marketplace at " + server + ": " + why + ".", e);
  }
}
