package dev.marketplace.api;

import dev.marketplace.common.bus.Actions;
import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationDispatcher;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that every contract operation with an {@code x-eventbus-address} has a handler at that
 * address, and that every operation that declares the {@code Idempotency-Key} header has one that
 * honours it, by asking each address which actions it serves ({@link Actions#LIST_ACTIONS}). The
 * api verticle runs it before it opens its port, so that a wiring mistake stops the start instead
 * of answering 500 to the first request of that operation.
 *
 * <p>In one JVM the domain verticles are deployed first, so an address that nobody serves is a
 * mistake too. In a cluster, a node that serves it may start later: such an address is only logged,
 * and its operations answer 503 until one does.
 */
public final class ContractWiring {

  private static final Logger LOG = LoggerFactory.getLogger(ContractWiring.class);

  private ContractWiring() {}

  /** The operation ids of the contract by the address that serves them, both in name order. */
  public static Map<String, Set<String>> operationsByAddress(OpenAPIContract contract) {
    Map<String, Set<String>> byAddress = new TreeMap<>();
    for (Operation operation : contract.operations()) {
      Object address = operation.getExtensions().get(ApiVerticle.ADDRESS_EXTENSION);
      if (address != null) {
        byAddress
            .computeIfAbsent(address.toString(), any -> new TreeSet<>())
            .add(operation.getOperationId());
      }
    }
    return byAddress;
  }

  /** Whether the contract declares the {@code Idempotency-Key} header on {@code operation}. */
  public static boolean takesIdempotencyKey(Operation operation) {
    return operation.getParameters().stream()
        .anyMatch(
            parameter ->
                parameter.getIn() == Location.HEADER
                    && OperationDispatcher.IDEMPOTENCY_KEY.equalsIgnoreCase(parameter.getName()));
  }

  /** Fails, naming every operation without a handler, unless all of them have one. */
  public static Future<Void> check(Vertx vertx, OpenAPIContract contract, Duration timeout) {
    DeliveryOptions listActions =
        new DeliveryOptions()
            .addHeader(BusRequest.ACTION, Actions.LIST_ACTIONS)
            .setSendTimeout(timeout.toMillis());
    List<Future<String>> problems = new ArrayList<>();
    Set<String> keyed = new TreeSet<>();
    contract.operations().stream()
        .filter(ContractWiring::takesIdempotencyKey)
        .forEach(operation -> keyed.add(operation.getOperationId()));
    operationsByAddress(contract)
        .forEach(
            (address, operations) ->
                problems.add(
                    vertx
                        .eventBus()
                        .<String>request(address, new JsonObject(), listActions)
                        .map(reply -> missing(address, operations, keyed, reply.body()))
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

  private static String missing(
      String address, Set<String> operations, Set<String> keyed, String reply) {
    JsonObject served = new JsonObject(reply);
    Set<String> unserved = new TreeSet<>(operations);
    served.getJsonArray("actions").forEach(unserved::remove);
    Set<String> keysIgnored = new TreeSet<>(operations);
    keysIgnored.retainAll(keyed);
    keysIgnored.removeAll(unserved);
    served
        .getJsonArray("idempotent", new io.vertx.core.json.JsonArray())
        .forEach(keysIgnored::remove);
    List<String> found = new ArrayList<>();
    if (!unserved.isEmpty()) {
      found.add(address + " has no handler for " + unserved);
    }
    if (!keysIgnored.isEmpty()) {
      found.add(
          address
              + " does not honour the Idempotency-Key the contract declares for "
              + keysIgnored);
    }
    return found.isEmpty() ? null : String.join("; ", found);
  }

  private static Future<String> unreachable(Vertx vertx, String address, Throwable failure) {
    boolean unserved =
        failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS;
    if (unserved && vertx.isClustered()) {
      LOG.warn("No node serves {} yet; its operations answer 503 until one does", address);
      return Future.succeededFuture();
    }
    return Future.succeededFuture(address + " does not answer (" + failure.getMessage() + ")");
  }
}
