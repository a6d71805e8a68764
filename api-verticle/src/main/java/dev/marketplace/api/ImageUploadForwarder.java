package dev.marketplace.api;

import dev.marketplace.common.bus.ApiOperation;
import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.Caller;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.error.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ValidatedRequest;
import java.util.Base64;

/**
 * Receives a {@code multipart/form-data} image upload and hands its bytes to the catalog verticle,
 * which decides what the file really is. The contract validator does not run here: it cannot read
 * multipart bodies, so this handler reads the one field itself ({@link MultipartForm}).
 */
final class ImageUploadForwarder {

  static final String UPLOAD_EXTENSION = "x-upload";

  private final BusRequests bus;
  private final long timeoutMillis;
  private final int maxBytes;

  ImageUploadForwarder(BusRequests bus, long timeoutMillis, int maxBytes) {
    this.bus = bus;
    this.timeoutMillis = timeoutMillis;
    this.maxBytes = maxBytes;
  }

  /** Forwards the image in the multipart {@code field} to {@code operation}. */
  Handler<RoutingContext> to(ApiOperation operation, Operation contractOperation, String field) {
    String address = operation.address().orElseThrow().value();
    CreatedLocation created = CreatedLocation.of(contractOperation);
    DeliveryOptions options = BusRequest.deliveryOf(operation, timeoutMillis);
    return rc -> {
      byte[] image =
          MultipartForm.file(
              rc.request().getHeader(HttpHeaders.CONTENT_TYPE), rc.body().buffer(), field);
      if (image.length > maxBytes) {
        rc.fail(
            new HttpException(
                ErrorCode.PAYLOAD_TOO_LARGE.httpStatus(),
                "Images may be at most " + maxBytes / (1024 * 1024) + " MB."));
        return;
      }
      ValidatedRequest validated = rc.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
      Caller caller = rc.get(BearerAuthentication.CALLER);
      bus.<String>request(
              address,
              new BusRequest(
                      caller,
                      OperationForwarder.parameters(validated.getPathParameters()),
                      null,
                      OperationForwarder.parameters(validated.getHeaders()),
                      new JsonObject().put("content", Base64.getEncoder().encodeToString(image)))
                  .toJson(),
              options)
          .onSuccess(
              reply -> {
                int status = Integer.parseInt(reply.headers().get(Reply.STATUS));
                if (status == 201 && created != null) {
                  String location = created.resolve(reply.body());
                  if (location != null) {
                    rc.response().putHeader(HttpHeaders.LOCATION, location);
                  }
                }
                rc.response()
                    .setStatusCode(status)
                    .putHeader("content-type", "application/json")
                    .end(reply.body());
              })
          .onFailure(rc::fail);
    };
  }
}
