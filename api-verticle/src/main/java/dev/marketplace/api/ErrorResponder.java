package dev.marketplace.api;

import dev.marketplace.common.error.ApiError;
import dev.marketplace.common.error.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into {@code {"error","message"}} with its status. Domain verticles send the
 * body ready-made; the edge's own failures (validation, routing, body size, timeouts) are described
 * here. Unexpected failures are logged and answered with a generic 500.
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
    Throwable failure = rc.failure();
    if (failure instanceof ReplyException reply) {
      fromEventBus(rc, reply);
    } else if (failure instanceof ValidatorException validation) {
      write(rc, new ApiError(ErrorCode.VALIDATION_FAILED, describe(validation)));
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
        rc.response()
            .setStatusCode(reply.failureCode())
            .putHeader("content-type", "application/json")
            .end(body.encode());
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

  private static ApiError fromHttp(HttpException http) {
    if (http.getCause() instanceof ValidatorException validation) {
      return new ApiError(ErrorCode.VALIDATION_FAILED, describe(validation));
    }
    ApiError byStatus = fromStatus(http.getStatusCode());
    String payload = http.getPayload();
    return payload == null || payload.isBlank() || byStatus.code() == ErrorCode.INTERNAL
        ? byStatus
        : new ApiError(byStatus.code(), payload);
  }

  private static ApiError fromStatus(int status) {
    return switch (status) {
      case 400 -> new ApiError(ErrorCode.VALIDATION_FAILED, "The request is malformed.");
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
              ? new ApiError(ErrorCode.VALIDATION_FAILED, "The request cannot be served as sent.")
              : new ApiError(ErrorCode.INTERNAL, "Something went wrong on our side.");
    };
  }

  /**
   * Names each offending body field and what is wrong with it. The validator reports every level of
   * the schema it passed through; only the innermost, specific reasons are worth reading.
   */
  private static String describe(ValidatorException validation) {
    if (!(validation instanceof SchemaValidationException schema)
        || schema.getOutputUnit() == null
        || !validation.getMessage().startsWith("The value of the request body")) {
      return validation.getMessage();
    }
    Map<String, List<String>> byField = new LinkedHashMap<>();
    collect(schema.getOutputUnit(), byField);
    List<String> problems = new ArrayList<>();
    byField.forEach(
        (field, reasons) -> {
          List<String> specific =
              reasons.stream().filter(reason -> !isGeneric(reason)).distinct().toList();
          if (!specific.isEmpty()) {
            specific.forEach(reason -> problems.add(field + ": " + reason));
          } else if (reasons.stream().anyMatch(r -> r.contains(UNKNOWN_PROPERTY))) {
            problems.add(field + ": not a known field");
          }
        });
    return problems.isEmpty() ? validation.getMessage() : String.join("; ", problems);
  }

  private static final String UNKNOWN_PROPERTY = "does not match additional properties schema";

  private static boolean isGeneric(String reason) {
    return reason.contains(UNKNOWN_PROPERTY)
        || reason.contains("does not match schema")
        || reason.startsWith("A subschema had errors");
  }

  private static void collect(OutputUnit unit, Map<String, List<String>> byField) {
    if (unit.getErrors() != null && !unit.getErrors().isEmpty()) {
      unit.getErrors().forEach(child -> collect(child, byField));
    } else if (unit.getError() != null) {
      String location = unit.getInstanceLocation() == null ? "" : unit.getInstanceLocation();
      String field = location.replaceFirst("^#?/?", "").replace('/', '.');
      byField
          .computeIfAbsent(field.isEmpty() ? "body" : field, f -> new ArrayList<>())
          .add(unit.getError());
    }
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
        .end(error.toJson().encode());
  }
}
