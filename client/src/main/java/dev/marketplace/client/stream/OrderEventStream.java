package dev.marketplace.client.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.marketplace.client.failure.ApiException;
import dev.marketplace.client.failure.MarketplaceException;
import dev.marketplace.client.failure.NotSignedInException;
import dev.marketplace.client.failure.ServerUnreachableException;
import dev.marketplace.client.http.Call;
import dev.marketplace.client.http.Json;
import dev.marketplace.client.http.Transport;
import dev.marketplace.client.model.OrderEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Follows a live order stream (server-sent events) on a thread of its own until closed. After a
 * dropped connection, or when nothing (not even the server's heartbeat) has arrived for the idle
 * timeout, it reconnects with {@code Last-Event-ID}, so the server first sends what was missed: no
 * event is lost or repeated. Reconnection waits grow from half a second to ten, and start again
 * from the shortest once connected. An expired access token is refreshed like any call's.
 */
public final class OrderEventStream implements AutoCloseable {

  private static final Duration FIRST_RETRY = Duration.ofMillis(500);
  private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);

  private final Transport transport;
  private final String path;
  private final OrderEventListener listener;
  private final Duration idleTimeout;
  private final Thread reader;
  private final ScheduledExecutorService watchdog;
  private volatile Long lastEventId;
  private volatile boolean closed;
  private volatile InputStream open;
  private volatile long lastActivity;

  private OrderEventStream(
      Transport transport,
      String path,
      Long lastEventId,
      OrderEventListener listener,
      Duration idleTimeout) {
    this.transport = transport;
    this.path = path;
    this.lastEventId = lastEventId;
    this.listener = listener;
    this.idleTimeout = idleTimeout;
    this.reader = new Thread(this::run, "order-events");
    this.reader.setDaemon(true);
    this.watchdog =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "order-events-watchdog");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Starts following the stream at {@code path}.
   *
   * @param lastEventId the id of the last event already seen (null: only new events)
   * @param idleTimeout how long a silent connection is trusted; a few heartbeats' worth
   */
  public static OrderEventStream start(
      Transport transport,
      String path,
      Long lastEventId,
      OrderEventListener listener,
      Duration idleTimeout) {
    OrderEventStream stream =
        new OrderEventStream(transport, path, lastEventId, listener, idleTimeout);
    long tick = Math.max(100, idleTimeout.toMillis() / 4);
    stream.watchdog.scheduleWithFixedDelay(stream::closeIfIdle, tick, tick, TimeUnit.MILLISECONDS);
    stream.reader.start();
    return stream;
  }

  /** The id of the last event received, to resume from later. */
  public Long lastEventId() {
    return lastEventId;
  }

  /** Stops following; the listener's {@code onClosed(null)} follows. */
  @Override
  public void close() {
    closed = true;
    closeOpenConnection();
    reader.interrupt();
    watchdog.shutdownNow();
  }

  /** Waits until the stream has ended (closed, or failed for good). */
  public void await() throws InterruptedException {
    reader.join();
  }

  private void run() {
    Duration retry = FIRST_RETRY;
    MarketplaceException failure = null;
    while (!closed) {
      MarketplaceException cause;
      try {
        Call call =
            Call.get(path)
                .header("Accept", "text/event-stream")
                .header("Last-Event-ID", lastEventId == null ? null : lastEventId.toString())
                .authenticated();
        InputStream body = transport.open(call).body();
        open = body;
        lastActivity = System.nanoTime();
        if (closed) {
          break;
        }
        retry = FIRST_RETRY;
        listener.onConnected();
        read(body);
        cause = new ServerUnreachableException("The server ended the stream.", null);
      } catch (NotSignedInException e) {
        failure = e;
        break;
      } catch (ApiException e) {
        if (e.status() < 500 && e.status() != 429 && e.status() != 408) {
          failure = e;
          break;
        }
        cause = e;
      } catch (MarketplaceException e) {
        cause = e;
      } catch (IOException e) {
        cause = new ServerUnreachableException("The connection to the server dropped.", e);
      } finally {
        closeOpenConnection();
      }
      if (closed) {
        break;
      }
      listener.onReconnecting(cause, retry);
      try {
        Thread.sleep(retry.toMillis());
      } catch (InterruptedException e) {
        break;
      }
      retry =
          retry.multipliedBy(2).compareTo(LONGEST_RETRY) > 0
              ? LONGEST_RETRY
              : retry.multipliedBy(2);
    }
    watchdog.shutdownNow();
    listener.onClosed(closed ? null : failure);
  }

  /** Reads events until the stream ends; the event-stream format, as browsers read it. */
  private void read(InputStream body) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    StringBuilder data = new StringBuilder();
    String id = null;
    String type = null;
    String line;
    while ((line = lines.readLine()) != null) {
      lastActivity = System.nanoTime();
      if (line.isEmpty()) {
        if (!data.isEmpty()) {
          dispatch(type, id, data.toString());
        } else if (id != null) {
          // An id alone says where this stream starts: resume from there after a drop.
          advanceTo(parseId(id));
        }
        data.setLength(0);
        type = null;
        id = null;
        continue;
      }
      if (line.startsWith(":")) {
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      switch (field) {
        case "data" -> data.append(data.isEmpty() ? "" : "\n").append(value);
        case "id" -> id = value;
        case "event" -> type = value;
        default -> {
          // "retry" and unknown fields: the reconnection delays here are our own.
        }
      }
    }
  }

  private void dispatch(String type, String id, String data) {
    if (type != null && !type.equals("order")) {
      return;
    }
    OrderEvent event;
    try {
      event = Json.mapper().readValue(data, OrderEvent.class);
    } catch (JsonProcessingException e) {
      return;
    }
    Long given = id == null ? null : parseId(id);
    advanceTo(given != null ? given : event.id());
    listener.onEvent(event);
  }

  /** Event ids only grow: the server resumes after the highest one a client saw. */
  private void advanceTo(Long id) {
    if (id != null && (lastEventId == null || id > lastEventId)) {
      lastEventId = id;
    }
  }

  private static Long parseId(String id) {
    try {
      return Long.parseLong(id.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private void closeIfIdle() {
    if (open != null && System.nanoTime() - lastActivity > idleTimeout.toNanos()) {
      closeOpenConnection();
    }
  }

  private void closeOpenConnection() {
    InputStream body = open;
    open = null;
    if (body != null) {
      try {
        body.close();
      } catch (IOException ignored) {
        // Closing is all that was wanted.
      }
    }
  }
}
