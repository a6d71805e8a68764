package dev.marketplace.api;

import dev.marketplace.api.readcache.CatalogReadCache.Ticket;
import dev.marketplace.api.readcache.CatalogReads;
import dev.marketplace.api.readcache.ReadPositions;
import dev.marketplace.api.validation.InvalidRequest;
import dev.marketplace.api.validation.Violation;
import dev.marketplace.common.bus.ApiOperation;
import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.Caller;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.error.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;
import java.util.List;
import java.util.Map;

/**
 * The one handler behind every domain operation: it sends the caller and the validated request to
 * the operation's event-bus address and writes the reply, already JSON, as the response.
 *
 * <p>Where the contract marks a field with {@code x-caller-id} (e.g. {@code buyer_id}), that id
 * names the caller: in the path or the body it must equal the token's subject (403 otherwise), and
 * a body that leaves it out gets it from the token.
 *
 * <p>A catalog read the contract marks with {@code x-edge-cache} answers 200 through {@link
 * CatalogReads}, which tags it and, for an anonymous request, keeps it.
 */
final class OperationForwarder {

  static final String CALLER_ID_EXTENSION = "x-caller-id";

  /**
   * Marks an operation whose body is signed, such as a gateway webhook: the body is forwarded as
   * the exact text received, under {@code raw}, since a signature over re-encoded JSON would not
   * verify.
   */
  static final String SIGNED_BODY_EXTENSION = "x-signed-body";

  private final BusRequests bus;
  private final long timeoutMillis;
  private final CatalogReads reads;
  private final ReadPositions positions;

  OperationForwarder(
      BusRequests bus, long timeoutMillis, CatalogReads reads, ReadPositions positions) {
    this.bus = bus;
    this.timeoutMillis = timeoutMillis;
    this.reads = reads;
    this.positions = positions;
  }

  /** Forwards {@code operation}, as the contract describes it in {@code contract}. */
  Handler<RoutingContext> to(ApiOperation operation, Operation contract) {
    String address = operation.address().orElseThrow().value();
    DeliveryOptions options = BusRequest.deliveryOf(operation, timeoutMillis);
    Object callerField = contract.getExtensions().get(CALLER_ID_EXTENSION);
    boolean signedBody = contract.getExtensions().containsKey(SIGNED_BODY_EXTENSION);
    CatalogReads.Read read = reads.of(contract);
    CreatedLocation created = CreatedLocation.of(contract);
    return rc -> {
      ValidatedRequest validated = rc.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
      Caller caller = rc.get(BearerAuthentication.CALLER);
      if (caller == null) {
        caller = Caller.anonymous(rc.request().remoteAddress().hostAddress());
      }
      boolean write = rc.request().method() != HttpMethod.GET;
      String authorization = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
      BusRequest request =
          new BusRequest(
              caller,
              parameters(validated.getPathParameters()),
              parameters(validated.getQuery()),
              parameters(validated.getHeaders()),
              signedBody
                  ? new JsonObject().put("raw", rc.body().asString())
                  : validated.getBody() == null ? null : validated.getBody().getJsonObject(),
              write
                  ? 0
                  : positions.readAfter(authorization, read == null ? null : read.productOf(rc)),
              write);
      String withNul = textWithNul(request, validated);
      if (withNul != null) {
        rc.fail(
            ErrorCode.VALIDATION_FAILED.httpStatus(),
            new InvalidRequest(List.of(Violation.of(withNul, Violation.Rules.NO_NUL))));
        return;
      }
      if (callerField != null && !bindCaller(callerField.toString(), request)) {
        rc.fail(
            new HttpException(
                ErrorCode.FORBIDDEN.httpStatus(), callerField + " must be your own account id."));
        return;
      }
      // Taken before the catalog reads, so that a change committed meanwhile keeps it uncached.
      Ticket ticket = read == null ? null : read.begin(rc);
      bus.<String>request(address, request.toJson(), options)
          .onSuccess(
              reply -> {
                int status = Integer.parseInt(reply.headers().get(Reply.STATUS));
                if (write) {
                  positions.wrote(authorization, reply.headers().get(Reply.WRITTEN_AT));
                }
                if (read != null && status == 200 && reply.body() != null) {
                  read.answer(rc, ticket, reply.body(), readAt(reply.headers().get(Reply.READ_AT)));
                  return;
                }
                rc.response().setStatusCode(status);
                if (status == 201 && created != null && reply.body() != null) {
                  String location = created.resolve(reply.body());
                  if (location != null) {
                    rc.response().putHeader(HttpHeaders.LOCATION, location);
                  }
                }
                if (reply.body() == null) {
                  rc.response().end();
                } else {
                  rc.response().putHeader("content-type", "application/json").end(reply.body());
                }
              })
          .onFailure(rc::fail);
    };
  }

  /** Where a replica that answered had replayed to, or null for an answer from the primary. */
  private static Long readAt(String header) {
    return header == null ? null : Long.valueOf(header);
  }

  /** The first parameter or body field (the parsed one, for a signed body) holding a NUL. */
  private static String textWithNul(BusRequest request, ValidatedRequest validated) {
    for (JsonObject part : List.of(request.path(), request.query(), request.headers())) {
      String field = NulCharacters.fieldWithNul(part);
      if (field != null) {
        return field;
      }
    }
    JsonObject body =
        validated.getBody() != null && validated.getBody().get() instanceof JsonObject parsed
            ? parsed
            : request.body();
    return NulCharacters.fieldWithNul(body);
  }

  /** False when the path or body names another account than the caller's. */
  private static boolean bindCaller(String field, BusRequest request) {
    long callerId = request.callerId();
    Object inPath = request.path().getValue(field);
    if (inPath != null && ((Number) inPath).longValue() != callerId) {
      return false;
    }
    Object inBody = request.body().getValue(field);
    if (inBody == null) {
      request.body().put(field, callerId);
      return true;
    }
    return ((Number) inBody).longValue() == callerId;
  }

  /** Validated parameters as JSON, by name; absent ones left out. */
  static JsonObject parameters(Map<String, RequestParameter> parameters) {
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
