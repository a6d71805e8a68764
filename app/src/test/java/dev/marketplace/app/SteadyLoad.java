package dev.marketplace.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Clients asking at a steady rate, whether or not earlier requests have been answered, as many
 * independent buyers would: a request stuck on a dead node does not hold the next ones back. Each
 * request gets a fresh key (for {@code Idempotency-Key}) and records when it was sent, what came
 * back and how long that took.
 */
final class SteadyLoad implements AutoCloseable {

  /** One request: its key, when it left, how long its answer took, and the answer. */
  record Sent(String key, long sentAt, Duration took, ApiResponse response) {

    int status() {
      return response.status();
    }

    boolean sentAfter(long instant) {
      return sentAt > instant;
    }

    /** Answered before a client would give up on it: not left to the request timeout. */
    boolean quick() {
      return took.compareTo(Duration.ofSeconds(1)) < 0;
    }
  }

  private final Vertx vertx;
  private final List<Future<Sent>> sent = new CopyOnWriteArrayList<>();
  private final long timer;
  private boolean stopped;

  SteadyLoad(Vertx vertx, long everyMillis, Function<String, Future<ApiResponse>> request) {
    this.vertx = vertx;
    this.timer = vertx.setPeriodic(everyMillis, tick -> send(request));
  }

  // Synchronized with stop(): a tick already under way when the load stops either lands in the
  // list before stop() reads it, or sends nothing.
  private synchronized void send(Function<String, Future<ApiResponse>> request) {
    if (stopped) {
      return;
    }
    String key = UUID.randomUUID().toString();
    long sentAt = System.nanoTime();
    sent.add(
        request
            .apply(key)
            .map(
                response ->
                    new Sent(key, sentAt, Duration.ofNanos(System.nanoTime() - sentAt), response)));
  }

  /** The requests answered so far. */
  List<Sent> answered() {
    return sent.stream().filter(Future::succeeded).map(Future::result).toList();
  }

  /**
   * Stops sending and waits for every answer; fails with the first request that got no HTTP answer
   * or one the contract does not allow.
   */
  List<Sent> stop() {
    synchronized (this) {
      stopped = true;
    }
    vertx.cancelTimer(timer);
    Future.join(List.copyOf(sent)).otherwiseEmpty().await();
    for (Future<Sent> request : sent) {
      if (request.failed()) {
        throw new AssertionError("A request failed: " + request.cause(), request.cause());
      }
    }
    return sent.stream().map(Future::result).toList();
  }

  @Override
  public void close() {
    stop();
  }
}
