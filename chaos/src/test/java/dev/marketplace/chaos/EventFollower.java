package dev.marketplace.chaos;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A live order stream held open as a buyer's app would: when it ends (its node stopped, the
 * connection broke) it comes back with {@code Last-Event-ID} and carries on. Keeps every event id
 * it was given and the first position it was told, so that the suite can check that none is
 * missing.
 */
final class EventFollower implements AutoCloseable {

  final Set<Long> received = ConcurrentHashMap.newKeySet();
  final AtomicInteger reconnects = new AtomicInteger();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String url;
  private final String token;
  private volatile long lastId = -1;
  private volatile long firstId = -1;
  private volatile boolean closed;
  private final Thread thread;

  EventFollower(String base, long buyerId, String token) {
    this.url = base + "/api/buyers/" + buyerId + "/orders/events";
    this.token = token;
    this.thread = Thread.ofVirtual().name("chaos-sse").start(this::follow);
  }

  /** The position the stream first reported: events after it must all arrive. */
  long firstId() {
    return firstId;
  }

  private void follow() {
    while (!closed) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(10))
              .header("Authorization", "Bearer " + token)
              .header("Accept", "text/event-stream");
      if (lastId >= 0) {
        request.header("Last-Event-ID", Long.toString(lastId));
      }
      try {
        HttpResponse<Stream<String>> response =
            http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() == 200) {
          Iterator<String> lines = response.body().iterator();
          while (!closed && lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("id: ")) {
              long id = Long.parseLong(line.substring(4).strip());
              if (firstId < 0) {
                firstId = id;
              }
              received.add(id);
              lastId = Math.max(lastId, id);
            }
          }
        }
      } catch (Exception broken) {
        // The node went away or the link broke: come back as a client would.
      }
      if (!closed) {
        reconnects.incrementAndGet();
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
