package dev.marketplace.api;

import dev.marketplace.common.bus.Actions;
import dev.marketplace.common.bus.BusRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Liveness of this process and readiness of every domain verticle behind it. */
final class HealthChecks {

  private static final long READY_TIMEOUT_MILLIS = 2000;

  private final Vertx vertx;
  private final Set<String> addresses;

  HealthChecks(Vertx vertx, Set<String> addresses) {
    this.vertx = vertx;
    this.addresses = addresses;
  }

  void live(RoutingContext rc) {
    respond(rc, 200, new JsonObject().put("status", "up"));
  }

  /** Ready when each domain address answers and reaches its database. */
  void ready(RoutingContext rc) {
    DeliveryOptions options =
        new DeliveryOptions()
            .addHeader(BusRequest.ACTION, Actions.READY)
            .setSendTimeout(READY_TIMEOUT_MILLIS);
    List<String> names = new ArrayList<>(addresses);
    List<Future<Boolean>> checks = new ArrayList<>();
    for (String address : names) {
      checks.add(
          vertx
              .eventBus()
              .request(address, new JsonObject(), options)
              .map(reply -> true)
              .otherwise(false));
    }
    Future.join(checks)
        .onComplete(
            done -> {
              JsonObject details = new JsonObject();
              boolean allUp = true;
              for (int i = 0; i < names.size(); i++) {
                boolean up = checks.get(i).result();
                allUp &= up;
                details.put(names.get(i), up ? "up" : "down");
              }
              respond(
                  rc,
                  allUp ? 200 : 503,
                  new JsonObject().put("status", allUp ? "up" : "down").put("checks", details));
            });
  }

  private static void respond(RoutingContext rc, int status, JsonObject body) {
    rc.response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json")
        .end(body.encode());
  }
}
