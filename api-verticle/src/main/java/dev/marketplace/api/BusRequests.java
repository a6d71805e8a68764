package dev.marketplace.api;

import dev.marketplace.common.bus.SameLoopAddresses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The edge's requests over the event bus, counted per address: {@code
 * marketplace_eventbus_requests_total}, {@code marketplace_eventbus_timeouts_total} (no answer
 * within the request timeout) and {@code marketplace_eventbus_no_consumer_total} (no node serves
 * the address: the request was answered 503 at once).
 */
final class BusRequests {

  private record AddressMeters(Counter requests, Counter timeouts, Counter noConsumer) {}

  /**
   * Sends again after 100 ms, then 200 ms, when no node took a request (see {@link #resending}).
   */
  private static final int UNSERVED_RETRIES = 2;

  private static final long UNSERVED_RETRY_MILLIS = 100;

  private final Vertx vertx;
  private final MeterRegistry registry;
  private final Map<String, AddressMeters> meters = new ConcurrentHashMap<>();
  private final SameLoopAddresses sameLoop;
  // By address, the twin this verticle instance sends to; touched only on its event loop.
  private final Map<String, String> sameLoopTargets = new HashMap<>();

  BusRequests(Vertx vertx, MeterRegistry registry) {
    this.vertx = vertx;
    this.registry = registry;
    this.sameLoop = SameLoopAddresses.of(vertx);
  }

  <T> Future<Message<T>> request(String address, Object body, DeliveryOptions options) {
    return request(address, address, body, options);
  }

  /**
   * Sends to {@code target}, counted as a request to {@code address}: the address itself, or its
   * twin on this event loop.
   */
  private <T> Future<Message<T>> request(
      String address, String target, Object body, DeliveryOptions options) {
    AddressMeters counted = meters.computeIfAbsent(address, this::metersOf);
    counted.requests().increment();
    return vertx
        .eventBus()
        .<T>request(target, body, options)
        .onFailure(
            failure -> {
              if (failure instanceof ReplyException reply) {
                if (reply.failureType() == ReplyFailure.TIMEOUT) {
                  counted.timeouts().increment();
                } else if (reply.failureType() == ReplyFailure.NO_HANDLERS
                    && target.equals(address)) {
                  counted.noConsumer().increment();
                }
              }
            });
  }

  /**
   * As {@link #request}, and sent again when the bus says that the address has no consumer: the
   * node the request went to had just stopped serving it (a drain before a restart, or a node that
   * just left), so nothing ran there, and the bus now picks another node. If none serves it, the
   * last refusal is the answer (503), a few hundred milliseconds later. Where a verticle serves the
   * address on this event loop, the request goes to it first ({@link SameLoopAddresses}).
   */
  <T> Future<Message<T>> resending(String address, Object body, DeliveryOptions options) {
    String sameLoop = sameLoopTargets.computeIfAbsent(address, this::sameLoopTarget);
    if (sameLoop.isEmpty()) {
      return resending(address, body, options, 0);
    }
    return this.<T>request(address, sameLoop, body, options)
        .recover(
            failure ->
                failure instanceof ReplyException reply
                        && reply.failureType() == ReplyFailure.NO_HANDLERS
                    ? resending(address, body, options, 0)
                    : Future.failedFuture(failure));
  }

  /** The twin of {@code address} on this event loop, or "" where none is served here. */
  private String sameLoopTarget(String address) {
    String twin = sameLoop.servedHere(address);
    return twin == null ? "" : twin;
  }

  private <T> Future<Message<T>> resending(
      String address, Object body, DeliveryOptions options, int attempt) {
    return this.<T>request(address, body, options)
        .recover(
            failure -> {
              if (attempt < UNSERVED_RETRIES
                  && failure instanceof ReplyException reply
                  && reply.failureType() == ReplyFailure.NO_HANDLERS) {
                return vertx
                    .timer(UNSERVED_RETRY_MILLIS * (attempt + 1L))
                    .compose(waited -> resending(address, body, options, attempt + 1));
              }
              return Future.failedFuture(failure);
            });
  }

  private AddressMeters metersOf(String address) {
    return new AddressMeters(
        Counter.builder("marketplace.eventbus.requests")
            .description("Requests the api sent over the event bus")
            .tag("address", address)
            .register(registry),
        Counter.builder("marketplace.eventbus.timeouts")
            .description("Requests over the event bus that got no answer in time")
            .tag("address", address)
            .register(registry),
        Counter.builder("marketplace.eventbus.no.consumer")
            .description("Requests over the event bus to an address no node consumes")
            .tag("address", address)
            .register(registry));
  }
}
