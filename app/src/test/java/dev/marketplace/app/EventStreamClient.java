package dev.marketplace.app;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Reads a server-sent-events stream the way a browser's EventSource would. */
final class EventStreamClient implements AutoCloseable {

  private final HttpClient http;
  private final BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
  private final StringBuilder pending = new StringBuilder();
  private final HttpClientResponse response;

  private EventStreamClient(Vertx vertx, int port, String path, String token, Long lastEventId) {
    http = vertx.createHttpClient();
    RequestOptions options =
        new RequestOptions()
            .setHost("127.0.0.1")
            .setPort(port)
            .setMethod(HttpMethod.GET)
            .setURI(path);
    if (token != null) {
      options.putHeader("Authorization", "Bearer " + token);
    }
    if (lastEventId != null) {
      options.putHeader("Last-Event-ID", lastEventId.toString());
    }
    // The handler is set on the event loop as the head arrives, before any chunk can be missed. A
    // refusal (401, 403) is a short answer that may have ended already: it has no stream to read.
    response =
        http.request(options)
            .compose(request -> request.send())
            .map(
                answer -> {
                  if (answer.statusCode() == 200) {
                    answer.handler(chunk -> onText(chunk.toString()));
                  }
                  return answer;
                })
            .await();
  }

  static EventStreamClient open(
      Vertx vertx, int port, String path, String token, Long lastEventId) {
    return new EventStreamClient(vertx, port, path, token, lastEventId);
  }

  int status() {
    return response.statusCode();
  }

  String contentType() {
    return response.getHeader("content-type");
  }

  /** The next event, waiting at most five seconds for it. */
  JsonObject nextEvent() throws InterruptedException {
    JsonObject event = events.poll(5, TimeUnit.SECONDS);
    if (event == null) {
      throw new AssertionError("no event arrived within five seconds");
    }
    return event;
  }

  /** The next comment line (": connected", ": heartbeat"), waiting at most five seconds. */
  String nextComment() throws InterruptedException {
    String comment = comments.poll(5, TimeUnit.SECONDS);
    if (comment == null) {
      throw new AssertionError("no comment arrived within five seconds");
    }
    return comment;
  }

  /** Whether no event arrives for {@code millis} milliseconds. */
  boolean quietFor(long millis) throws InterruptedException {
    JsonObject event = events.poll(millis, TimeUnit.MILLISECONDS);
    if (event != null) {
      events.add(event);
    }
    return event == null;
  }

  boolean hasMoreEvents() {
    return !events.isEmpty();
  }

  private synchronized void onText(String text) {
    pending.append(text);
    int end;
    while ((end = pending.indexOf("\n\n")) >= 0) {
      String block = pending.substring(0, end);
      pending.delete(0, end + 2);
      Long id = null;
      String data = null;
      for (String line : block.split("\n")) {
        if (line.startsWith(":")) {
          comments.add(line.substring(1).strip());
        } else if (line.startsWith("id: ")) {
          id = Long.parseLong(line.substring(4));
        } else if (line.startsWith("data: ")) {
          data = line.substring(6);
        }
      }
      if (data != null) {
        events.add(new JsonObject(data).put("sse_id", id));
      }
    }
  }

  @Override
  public void close() {
    http.close().await();
  }
}
