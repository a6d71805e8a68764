package dev.marketplace.api;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.Reply;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;
import java.util.Map;

/**
 * The one handler behind every domain operation: it sends the validated request to the operation's
 * event-bus address and writes the reply, already JSON, as the response.
 */
final class OperationForwarder {

  private final Vertx vertx;
  private final long timeoutMillis;

  OperationForwarder(Vertx vertx, long timeoutMillis) {
    this.vertx = vertx;
    this.timeoutMillis = timeoutMillis;
  }

  Handler<RoutingContext> to(String address, String operationId) {
    DeliveryOptions options =
        new DeliveryOptions()
            .addHeader(BusRequest.ACTION, operationId)
            .setSendTimeout(timeoutMillis);
    return rc -> {
      ValidatedRequest validated = rc.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
      BusRequest request =
          new BusRequest(
              parameters(validated.getPathParameters()),
              parameters(validated.getQuery()),
              validated.getBody() == null ? null : validated.getBody().getJsonObject());
      vertx
          .eventBus()
          .<String>request(address, request.toJson(), options)
          .onSuccess(
              reply ->
                  rc.response()
                      .setStatusCode(Integer.parseInt(reply.headers().get(Reply.STATUS)))
                      .putHeader("content-type", "application/json")
                      .end(reply.body()))
          .onFailure(rc::fail);
    };
  }

  private static JsonObject parameters(Map<String, RequestParameter> parameters) {
    JsonObject json = new JsonObject();
    parameters.forEach(
        (name, value) -> {
          if (value != null && !value.isNull()) {
            json.put(name, value.get());
          }
        });
    return json;
  }
}
