package dev.marketplace.client.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.marketplace.client.failure.ApiException;
import dev.marketplace.client.failure.FailureKind;
import dev.marketplace.client.failure.MarketplaceException;
import dev.marketplace.client.failure.NotSignedInException;
import dev.marketplace.client.failure.ServerUnreachableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import javax.net.ssl.SSLParameters;

/**
 * Sends calls to one server over {@link HttpClient} and turns what happens into results or
 * exceptions: a failure status into {@link ApiException} with the server's error code and message,
 * no answer into {@link ServerUnreachableException}. Authenticated calls carry the session's token;
 * a 401 refreshes it once and sends the call again. Every attempt is reported to the {@link
 * ExchangeListener}.
 */
public final class Transport {

  private final URI server;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final ExchangeListener listener;
  private volatile TokenSource tokens;

  public Transport(
      URI server, Duration connectTimeout, Duration requestTimeout, ExchangeListener listener) {
    this.server = server;
    this.requestTimeout = requestTimeout;
    this.listener = listener;
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER);
    if ("http".equals(server.getScheme())) {
      // Every call goes to this server and redirects are not followed, so a plain-HTTP client never
      // speaks TLS; but HttpClient needs a TLS context, and would make the default one. Even
      // SSLContext.getInstance looks its protocol up among the JDK's security providers, which
      // loads and initializes them: a short-lived command's tens of milliseconds, for nothing.
      builder.sslContext(new UnusedTls()).sslParameters(new SSLParameters());
    }
    this.http = builder.build();
  }

  public URI server() {
    return server;
  }

  /**
   * Stops the HTTP client: in-flight calls and streams fail, and its selector thread ends, so that
   * the JVM can exit at once instead of waiting for a thread blocked in native code.
   */
  public void close() {
    http.shutdownNow();
    try {
      http.awaitTermination(Duration.ofSeconds(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Where authenticated calls get their token. */
  public void useTokens(TokenSource source) {
    this.tokens = source;
  }

  /** Sends the call; a failure status becomes an exception. */
  public Response send(Call call) {
    HttpResponse<byte[]> response = exchange(call, HttpResponse.BodyHandlers.ofByteArray());
    return new Response(response.statusCode(), response.headers(), response.body());
  }

  /** Sends the call and reads the answer's JSON as {@code type}. */
  public <T> T send(Call call, Class<T> type) {
    return send(call).as(type);
  }

  /**
   * Opens a streamed answer (server-sent events): the caller reads the body and closes it. The
   * request timeout applies until the head arrives only.
   */
  public HttpResponse<InputStream> open(Call call) {
    return exchange(call, HttpResponse.BodyHandlers.ofInputStream());
  }

  private <B> HttpResponse<B> exchange(Call call, BodyHandler<B> handler) {
    String token = null;
    if (call.authenticated) {
      token = requireTokens().accessToken();
    }
    HttpResponse<B> response = attempt(call, token, handler);
    if (response.statusCode() == 401 && call.authenticated) {
      FailedExchanges.discard(response);
      token = requireTokens().rejected(token);
      response = attempt(call, token, handler);
      if (response.statusCode() == 401) {
        throw new NotSignedInException(FailedExchanges.refusal(response).getMessage());
      }
    }
    if (response.statusCode() >= 400) {
      throw FailedExchanges.refusal(response);
    }
    return response;
  }

  private TokenSource requireTokens() {
    TokenSource source = tokens;
    if (source == null) {
      throw new NotSignedInException("Not signed in.");
    }
    return source;
  }

  private <B> HttpResponse<B> attempt(Call call, String token, BodyHandler<B> handler) {
    HttpRequest request = request(call, token);
    String requestBody = describe(call);
    for (int attempt = 1; ; attempt++) {
      long started = System.nanoTime();
      try {
        HttpResponse<B> response = http.send(request, handler);
        report(request, requestBody, response, started, null);
        return response;
      } catch (IOException e) {
        report(request, requestBody, null, started, e);
        // A connection kept alive may have been closed by the server just as it was reused.
        if (!call.retryable || attempt > 1 || e instanceof HttpTimeoutException) {
          throw FailedExchanges.unreachable(server, requestTimeout, e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MarketplaceException(
            FailureKind.OTHER, "Interrupted while waiting for the server.", e);
      }
    }
  }

  private HttpRequest request(Call call, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(call)).timeout(requestTimeout);
    if (!call.headers.containsKey("Accept")) {
      builder.header("Accept", "application/json");
    }
    call.headers.forEach(builder::header);
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
    if (call.jsonBody != null) {
      builder.header("Content-Type", "application/json");
      body = HttpRequest.BodyPublishers.ofByteArray(encode(call.jsonBody));
    } else if (call.multipart != null) {
      builder.header("Content-Type", call.multipart.contentType());
      body = call.multipart.publisher();
    }
    return builder.method(call.method, body).build();
  }

  private URI uri(Call call) {
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    call.query.forEach(
        (name, value) ->
            query.add(
                name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
    return URI.create(server + call.path + query);
  }

  private static byte[] encode(Object body) {
    try {
      return Json.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write the request as JSON", e);
    }
  }

  private static String describe(Call call) {
    if (call.jsonBody != null) {
      return new String(encode(call.jsonBody), StandardCharsets.UTF_8);
    }
    if (call.multipart != null) {
      return "(multipart form, " + call.multipart.size() + " bytes)";
    }
    return null;
  }

  private void report(
      HttpRequest request,
      String requestBody,
      HttpResponse<?> response,
      long started,
      Throwable failure) {
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    Map<String, List<String>> requestHeaders = request.headers().map();
    if (response == null) {
      listener.exchanged(
          new Exchange(
              request.method(),
              request.uri(),
              requestHeaders,
              requestBody,
              0,
              Map.of(),
              null,
              took,
              failure));
      return;
    }
    String body;
    if (response.body() instanceof byte[] bytes) {
      body = bodyText(response.headers(), bytes);
    } else {
      body = "(streamed)";
    }
    listener.exchanged(
        new Exchange(
            request.method(),
            request.uri(),
            requestHeaders,
            requestBody,
            response.statusCode(),
            response.headers().map(),
            body,
            took,
            null));
  }

  private static String bodyText(HttpHeaders headers, byte[] bytes) {
    if (bytes.length == 0) {
      return null;
    }
    String type = headers.firstValue("content-type").orElse("");
    if (!type.startsWith("application/json") && !type.startsWith("text/")) {
      return "(" + bytes.length + " bytes of " + (type.isEmpty() ? "data" : type) + ")";
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
