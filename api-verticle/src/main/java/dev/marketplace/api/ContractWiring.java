package dev.marketplace.api;

import dev.marketplace.common.bus.ApiOperation;
import dev.marketplace.common.bus.BusAddress;
import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.InternalAction;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that every contract operation with an event-bus address has a handler at that address, and
 * that every operation that declares the {@code Idempotency-Key} header has one that honours it (in
 * one JVM the dispatcher refuses such a registration already; across a cluster, every node is
 * asked), by asking each address which actions it serves ({@link InternalAction#LIST_ACTIONS}). The
 * api verticle runs it before it opens its port, so that a wiring mistake stops the start instead
 * of answering 500 to the first request of that operation. The operations and their addresses come
 * from {@link ApiOperation}, which the build generates from the contract.
 *
 * <p>In one JVM the domain verticles are deployed first, so an address that nobody serves is a
 * mistake too. In a cluster, a node that serves it may start later, or be hung or cut off right now
 * (a long pause, a partition): an address that nobody serves, or whose node does not answer in
 * time, is only logged, and the api starts and serves everything else; those operations answer 503
 * or 504 until a node answers. Only an answer that shows a wiring mistake stops the start.
 */
public final class ContractWiring {

  private static final Logger LOG = LoggerFactory.getLogger(ContractWiring.class);

  private ContractWiring() {}

  /** The contract's operations by the address that serves them, both in declaration order. */
  public static Map<BusAddress, Set<ApiOperation>> operationsByAddress() {
    Map<BusAddress, Set<ApiOperation>> byAddress = new EnumMap<>(BusAddress.class);
    for (ApiOperation operation : ApiOperation.values()) {
      operation
          .address()
          .ifPresent(
              address ->
                  byAddress
                      .computeIfAbsent(address, any -> EnumSet.noneOf(ApiOperation.class))
                      .add(operation));
    }
    return byAddress;
  }

  /** Fails, naming every operation without a handler, unless all of them have one. */
  public static Future<Void> check(Vertx vertx, Duration timeout) {
    DeliveryOptions listActions =
        BusRequest.deliveryOf(InternalAction.LIST_ACTIONS, timeout.toMillis());
    List<Future<String>> problems = new ArrayList<>();
    operationsByAddress()
        .forEach(
            (address, operations) ->
                problems.add(
                    vertx
                        .eventBus()
                        .<String>request(address.value(), new JsonObject(), listActions)
                        .map(reply -> missing(address, operations, reply.body()))
                        .recover(failure -> unreachable(vertx, address, failure))));
    return Future.all(problems)
        .compose(
            checked -> {
              List<String> found =
                  problems.stream().map(Future::result).filter(Objects::nonNull).toList();
              return found.isEmpty()
                  ? Future.succeededFuture()
                  : Future.failedFuture(
                      new IllegalStateException(
                          "The contract's operations are not all wired: "
                              + String.join("; ", found)));
            });
  }

  private static String missing(BusAddress address, Set<ApiOperation> operations, String reply) {
    JsonObject served = new JsonObject(reply);
    Set<String> unserved = new TreeSet<>();
    operations.forEach(operation -> unserved.add(operation.id()));
    served.getJsonArray("actions").forEach(unserved::remove);
    Set<String> keysIgnored = new TreeSet<>();
    operations.stream()
        .filter(ApiOperation::takesIdempotencyKey)
        .filter(operation -> !unserved.contains(operation.id()))
        .forEach(operation -> keysIgnored.add(operation.id()));
    served.getJsonArray("idempotent", new JsonArray()).forEach(keysIgnored::remove);
    List<String> found = new ArrayList<>();
    if (!unserved.isEmpty()) {
      found.add(address.value() + " has no handler for " + unserved);
    }
    if (!keysIgnored.isEmpty()) {
      found.add(
          address.value()
              + " does not honour the Idempotency-Key the contract declares for "
              + keysIgnored);
    }
    return found.isEmpty() ? null : String.join("; ", found);
  }

  private static Future<String> unreachable(Vertx vertx, BusAddress address, Throwable failure) {
    boolean unserved =
        failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS;
    if (unserved && vertx.isClustered()) {
      LOG.warn("No node serves {} yet; its operations answer 503 until one does", address.value());
      return Future.succeededFuture();
    }
    if (vertx.isClustered()) {
      LOG.warn(
          "The node serving {} did not answer ({}); its operations wait for it and answer 503 or"
              + " 504 until it does",
          address.value(),
          failure.getMessage());
      return Future.succeededFuture();
    }
    return Future.succeededFuture(
        address.value() + " does not answer (" + failure.getMessage() + ")");
  }
}
