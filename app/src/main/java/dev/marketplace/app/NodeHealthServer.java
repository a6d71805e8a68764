package dev.marketplace.app;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.InternalAction;
import dev.marketplace.common.metrics.Meters;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.PrometheusRequestHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /health/live}, {@code /health/ready} and, with metrics on, {@code /metrics} (Prometheus)
 * for a cluster node that runs no api, so that an orchestrator can probe it: live once its
 * verticles are deployed, ready when each domain verticle of this very node answers and reaches its
 * database (asked on the local bus only, so another node's answer cannot stand in for it).
 */
final class NodeHealthServer {

  private static final long READY_TIMEOUT_MILLIS = 2000;

  private final Vertx vertx;
  private final List<String> addresses;
  private final Handler<HttpServerRequest> metrics;

  private NodeHealthServer(
      Vertx vertx, List<String> addresses, Handler<HttpServerRequest> metrics) {
    this.vertx = vertx;
    this.addresses = addresses;
    this.metrics = metrics;
  }

  static Future<HttpServer> start(
      Vertx vertx, int port, List<String> addresses, boolean metricsEnabled) {
    NodeHealthServer health =
        new NodeHealthServer(
            vertx,
            List.copyOf(addresses),
            metricsEnabled && Meters.registry() instanceof PrometheusMeterRegistry prometheus
                ? PrometheusRequestHandler.create(prometheus)
                : null);
    return vertx.createHttpServer().requestHandler(health::handle).listen(port);
  }

  private void handle(HttpServerRequest request) {
    switch (request.path()) {
      case "/health/live" -> respond(request, 200, new JsonObject().put("status", "up"));
      case "/health/ready" -> ready(request);
      case "/metrics" -> {
        if (metrics == null) {
          notFound(request);
        } else {
          metrics.handle(request);
        }
      }
      default -> notFound(request);
    }
  }

  private static void notFound(HttpServerRequest request) {
    respond(
        request,
        404,
        new JsonObject().put("error", "not_found").put("message", "No such resource."));
  }

  private void ready(HttpServerRequest request) {
    DeliveryOptions options =
        BusRequest.deliveryOf(InternalAction.READY, READY_TIMEOUT_MILLIS).setLocalOnly(true);
    List<Future<Boolean>> checks = new ArrayList<>();
    for (String address : addresses) {
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
              for (int i = 0; i < addresses.size(); i++) {
                boolean up = checks.get(i).result();
                allUp &= up;
                details.put(addresses.get(i), up ? "up" : "down");
              }
              respond(
                  request,
                  allUp ? 200 : 503,
                  new JsonObject().put("status", allUp ? "up" : "down").put("checks", details));
            });
  }

  private static void respond(HttpServerRequest request, int status, JsonObject body) {
    request
        .response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json")
        .end(body.encode());
  }
}
