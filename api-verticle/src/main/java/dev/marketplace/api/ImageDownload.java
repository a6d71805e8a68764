package dev.marketplace.api;

import dev.marketplace.common.bus.ApiOperation;
import dev.marketplace.common.bus.BusRequest;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.ValidatedRequest;
import java.util.Base64;

/**
 * Serves an image or its thumbnail. Stored images never change (a new upload is a new image), so
 * responses carry an ETag and may be cached for a year; a matching {@code If-None-Match} is 304.
 */
final class ImageDownload {

  static final String IMAGE_EXTENSION = "x-image";

  private static final String CACHE_FOR_A_YEAR = "public, max-age=31536000, immutable";

  private final BusRequests bus;
  private final long timeoutMillis;

  ImageDownload(BusRequests bus, long timeoutMillis) {
    this.bus = bus;
    this.timeoutMillis = timeoutMillis;
  }

  /** Serves what {@code operation} answers: an image or a thumbnail. */
  Handler<RoutingContext> of(ApiOperation operation) {
    String address = operation.address().orElseThrow().value();
    DeliveryOptions options = BusRequest.deliveryOf(operation, timeoutMillis);
    return rc -> {
      ValidatedRequest validated = rc.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
      JsonObject path =
          new JsonObject().put("image_id", validated.getPathParameters().get("image_id").get());
      bus.<String>request(address, new BusRequest(null, path, null, null, null).toJson(), options)
          .onSuccess(
              reply -> {
                JsonObject image = new JsonObject(reply.body());
                String etag = image.getString("etag");
                rc.response()
                    .putHeader("etag", etag)
                    .putHeader("cache-control", CACHE_FOR_A_YEAR)
                    .putHeader("x-content-type-options", "nosniff");
                if (etag.equals(rc.request().getHeader("if-none-match"))) {
                  rc.response().setStatusCode(304).end();
                  return;
                }
                rc.response()
                    .putHeader("content-type", image.getString("content_type"))
                    .end(Buffer.buffer(Base64.getDecoder().decode(image.getString("content"))));
              })
          .onFailure(rc::fail);
    };
  }
}
