package dev.marketplace.api;

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
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Liveness of this process and readiness of every domain verticle behind it. Each address is {@code
 * up} (a node answered and reached its database), {@code down} (one answered that it cannot, or
 * none answered in time) or {@code no_consumer} (no node of the cluster serves it).
 */
final class HealthChecks {

  private static final long READY_TIMEOUT_MILLIS = 2000;
  private static final String UP = "up";
  private static final String DOWN = "down";
  private static final String NO_CONSUMER = "no_consumer";

  private final Vertx vertx;
  private final Set<BusAddress> addresses;

  HealthChecks(Vertx vertx, Set<BusAddress> addresses) {
    this.vertx = vertx;
    this.addresses = addresses;
  }

  void live(RoutingContext rc) {
    respond(rc, 200, new JsonObject().put("status", UP));
  }

  /** Ready when each domain address answers and reaches its database. */
  void ready(RoutingContext rc) {
    DeliveryOptions options = BusRequest.deliveryOf(InternalAction.READY, READY_TIMEOUT_MILLIS);
    List<String> names = addresses.stream().map(BusAddress::value).toList();
    List<Future<String>> checks = new ArrayList<>();
    for (String address : names) {
      checks.add(
          vertx
              .eventBus()
              .request(address, new JsonObject(), options)
              .map(reply -> UP)
              .otherwise(HealthChecks::stateOf));
    }
    Future.join(checks)
        .onComplete(
            done -> {
              JsonObject details = new JsonObject();
              JsonArray unserved = new JsonArray();
              for (int i = 0; i < names.size(); i++) {
                String state = checks.get(i).result();
                details.put(names.get(i), state);
                if (NO_CONSUMER.equals(state)) {
                  unserved.add(names.get(i));
                }
              }
              boolean allUp = details.stream().allMatch(check -> UP.equals(check.getValue()));
              respond(
                  rc,
                  allUp ? 200 : 503,
                  new JsonObject()
                      .put("status", allUp ? UP : DOWN)
                      .put("checks", details)
                      .put(NO_CONSUMER, unserved));
            });
  }

  private static String stateOf(Throwable failure) {
    return failure instanceof ReplyException reply
            && reply.failureType() == ReplyFailure.NO_HANDLERS
        ? NO_CONSUMER
        : DOWN;
  }

  private static void respond(RoutingContext rc, int status, JsonObject body) {
    rc.response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json")
        .end(body.encode());
  }
}
