package dev.marketplace.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
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

  private final Vertx vertx;
  private final MeterRegistry registry;
  private final Map<String, AddressMeters> meters = new ConcurrentHashMap<>();

  BusRequests(Vertx vertx, MeterRegistry registry) {
    this.vertx = vertx;
    this.registry = registry;
  }

  <T> Future<Message<T>> request(String address, Object body, DeliveryOptions options) {
    AddressMeters counted = meters.computeIfAbsent(address, this::metersOf);
    counted.requests().increment();
    return vertx
        .eventBus()
        .<T>request(address, body, options)
        .onFailure(
            failure -> {
              if (failure instanceof ReplyException reply) {
                if (reply.failureType() == ReplyFailure.TIMEOUT) {
                  counted.timeouts().increment();
                } else if (reply.failureType() == ReplyFailure.NO_HANDLERS) {
                  counted.noConsumer().increment();
                }
              }
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
