package dev.marketplace.api;

import dev.marketplace.api.validation.InvalidRequest;
import dev.marketplace.api.validation.Violation;
import dev.marketplace.api.validation.ViolationWording;
import dev.marketplace.common.error.ApiError;
import dev.marketplace.common.error.ErrorCode;
import dev.marketplace.common.error.FieldError;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into {@code {"error","message","request_id"}} with its status, and {@code
 * fields} for a request refused as invalid. Domain verticles send the body ready-made; the edge's
 * own failures (validation, routing, body size, timeouts) are described here, contract violations
 * in the words of {@link ViolationWording}. Unexpected failures are logged and answered with a
 * generic 500.
 *
 * <p>It serves as the routes' failure handler and, through {@link #install}, as the router's error
 * handler for every 4xx and 5xx status, which is what Vert.x Web calls for failures it meets before
 * any route runs (a path with a bad percent-escape, say); without one it answers in plain text.
 */
final class ErrorResponder implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponder.class);

  /**
   * When to try a 503 again: about what it takes a node to start, or a cluster to notice that one
   * has gone and route around it.
   */
  static final String UNAVAILABLE_RETRY_SECONDS = "2";

  /** The error body's field that carries the request's id (also the X-Request-Id header). */
  static final String REQUEST_ID = "request_id";

  private final OpenAPIContract contract;

  /** {@code contract} says which methods each path takes, for the {@code Allow} of a 405. */
  ErrorResponder(OpenAPIContract contract) {
    this.contract = contract;
  }

  /** The methods the contract's path for {@code path} takes, as {@code Allow} lists them. */
  private String allowed(String path) {
    Path item = contract.findPath(path);
    if (item == null) {
      return "";
    }
    return item.getOperations().stream()
        .map(operation -> operation.getHttpMethod().name())
        .distinct()
        .sorted()
        .collect(Collectors.joining(", "));
  }

  /** Answers every failure of {@code router} in the error format. */
  void install(Router router) {
    router.route().failureHandler(this);
    for (int status = 400; status < 600; status++) {
      int code = status;
      router.errorHandler(code, rc -> respond(rc, code));
    }
  }

  @Override
  public void handle(RoutingContext rc) {
    respond(rc, rc.statusCode());
  }

  /** Answers a failure for which the router chose {@code status}. */
  private void respond(RoutingContext rc, int status) {
    if (rc.response().ended() || rc.response().closed()) {
      return;
    }
    if (rc.response().headWritten()) {
      rc.response().reset();
      return;
    }
    String allowed = status == 405 && contract != null ? allowed(rc.request().path()) : "";
    if (status == 405 && contract != null) {
      rc.response().putHeader(HttpHeaders.ALLOW, allowed);
    }
    Throwable failure = rc.failure();
    if (failure == null && !allowed.isEmpty()) {
      write(
          rc,
          new ApiError(
              ErrorCode.METHOD_NOT_ALLOWED,
              "This resource takes "
                  + allowed.replace(", ", " or ")
                  + ", not "
                  + rc.request().method().name()
                  + "."));
    } else if (failure instanceof ReplyException reply) {
      fromEventBus(rc, reply);
    } else if (failure instanceof InvalidRequest invalid) {
      write(rc, invalid(invalid));
    } else if (failure instanceof HttpException http) {
      write(rc, fromHttp(http));
    } else if (failure == null || status >= 400 && status < 500) {
      // A status the router chose itself (404, 405, or 400 for a path it cannot decode).
      write(rc, fromStatus(status));
    } else {
      LOG.error("{} {} failed", rc.request().method(), rc.request().path(), failure);
      write(rc, new ApiError(ErrorCode.INTERNAL, "Something went wrong on our side."));
    }
  }

  private static void fromEventBus(RoutingContext rc, ReplyException reply) {
    switch (reply.failureType()) {
      case RECIPIENT_FAILURE -> {
        JsonObject body = errorBody(reply);
        if (body == null) {
          LOG.error("Unreadable failure from a domain verticle: {}", reply.getMessage());
          write(rc, new ApiError(ErrorCode.INTERNAL, "Something went wrong on our side."));
          return;
        }
        Object retryAfter = body.remove(ApiError.RETRY_AFTER);
        if (retryAfter != null) {
          rc.response().putHeader(HttpHeaders.RETRY_AFTER, retryAfter.toString());
        } else if (reply.failureCode() == ErrorCode.UNAVAILABLE.httpStatus()) {
          rc.response().putHeader(HttpHeaders.RETRY_AFTER, UNAVAILABLE_RETRY_SECONDS);
        }
        if (reply.failureCode() == 401) {
          rc.response().putHeader("WWW-Authenticate", "Bearer");
        }
        rc.response()
            .setStatusCode(reply.failureCode())
            .putHeader("content-type", "application/json")
            .end(body.put(REQUEST_ID, RequestIds.of(rc)).encode());
      }
      case TIMEOUT ->
          write(rc, new ApiError(ErrorCode.TIMEOUT, "The request took too long; try again."));
      // No node serves the address: answered at once by the bus, which knows every consumer.
      case NO_HANDLERS ->
          write(rc, new ApiError(ErrorCode.UNAVAILABLE, "The service is unavailable; try again."));
      default -> {
        LOG.warn(
            "{} {}: the event bus failed: {}",
            rc.request().method(),
            rc.request().path(),
            reply.toString());
        write(rc, new ApiError(ErrorCode.UNAVAILABLE, "The service is unavailable; try again."));
      }
    }
  }

  /** The error body a domain verticle sent, or null if it is not one. */
  private static JsonObject errorBody(ReplyException reply) {
    try {
      JsonObject body = new JsonObject(reply.getMessage());
      return body.getString("error") != null && body.getString("message") != null ? body : null;
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  /** A request refused for its violations of the contract, each one in a sentence. */
  static ApiError invalid(InvalidRequest invalid) {
    List<Violation> toTell = ViolationWording.toTell(invalid.violations());
    return ApiError.invalid(
        ViolationWording.message(toTell),
        toTell.stream()
            .map(
                violation ->
                    new FieldError(violation.field(), ViolationWording.sentence(violation)))
            .distinct()
            .toList());
  }

  private static ApiError fromHttp(HttpException http) {
    if (http.getCause() instanceof InvalidRequest invalid) {
      return invalid(invalid);
    }
    ApiError byStatus = fromStatus(http.getStatusCode());
    String payload = http.getPayload();
    if (payload == null || payload.isBlank() || byStatus.code() == ErrorCode.INTERNAL) {
      return byStatus;
    }
    return byStatus.code() == ErrorCode.VALIDATION_FAILED
        ? ApiError.invalid(payload, List.of())
        : new ApiError(byStatus.code(), payload);
  }

  private static ApiError fromStatus(int status) {
    return switch (status) {
      case 400 -> ApiError.invalid("The request is malformed.", List.of());
      case 401 -> new ApiError(ErrorCode.UNAUTHORIZED, "Authentication is required.");
      case 403 -> new ApiError(ErrorCode.FORBIDDEN, "This is not yours.");
      case 404 -> new ApiError(ErrorCode.NOT_FOUND, "No such resource.");
      case 405 ->
          new ApiError(ErrorCode.METHOD_NOT_ALLOWED, "This resource does not take that method.");
      case 413 ->
          new ApiError(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than allowed.");
      case 414 -> new ApiError(ErrorCode.URI_TOO_LONG, "The request line is too long.");
      case 431 -> new ApiError(ErrorCode.HEADERS_TOO_LARGE, "The request headers are too large.");
      case 415 ->
          new ApiError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The body's media type is not accepted.");
      case 503 -> new ApiError(ErrorCode.UNAVAILABLE, "The service is unavailable; try again.");
      case 504 -> new ApiError(ErrorCode.TIMEOUT, "The request took too long; try again.");
      default ->
          status >= 400 && status < 500
              ? ApiError.invalid("The request cannot be served as sent.", List.of())
              : new ApiError(ErrorCode.INTERNAL, "Something went wrong on our side.");
    };
  }

  private static void write(RoutingContext rc, ApiError error) {
    if (error.code().httpStatus() == 401) {
      rc.response().putHeader("WWW-Authenticate", "Bearer");
    }
    if (error.code() == ErrorCode.UNAVAILABLE) {
      rc.response().putHeader(HttpHeaders.RETRY_AFTER, UNAVAILABLE_RETRY_SECONDS);
    }
    rc.response()
        .setStatusCode(error.code().httpStatus())
        .putHeader("content-type", "application/json")
        .end(error.toJson().put(REQUEST_ID, RequestIds.of(rc)).encode());
  }
}
