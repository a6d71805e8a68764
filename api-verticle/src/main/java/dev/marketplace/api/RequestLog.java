package dev.marketplace.api;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sees every request of the edge from its arrival to the last byte of its answer, cache hits and
 * requests the router refuses included, and then records it: one access-log line when asked ({@code
 * MARKETPLACE_ACCESS_LOG}) and the operation's rate, errors and duration ({@link
 * OperationMetrics}). The operation is found from the contract by method and path, so a line names
 * the route template, never a path with ids in it.
 *
 * <p>The access line is logged in the request's trace context, so that it carries the same {@code
 * trace_id} as the request's other lines; it holds no header, query or body, so nothing secret a
 * request carries can reach it.
 */
final class RequestLog {

  /** The logger of the access log, so that operators can route or silence it on its own. */
  public static final String ACCESS_LOGGER = "dev.marketplace.api.access";

  private static final Logger ACCESS = LoggerFactory.getLogger(ACCESS_LOGGER);

  private final OpenAPIContract contract;
  private final boolean accessLog;
  private final OperationMetrics metrics;

  RequestLog(OpenAPIContract contract, boolean accessLog, OperationMetrics metrics) {
    this.contract = contract;
    this.accessLog = accessLog;
    this.metrics = metrics;
  }

  /** {@code next}, with each request it handles recorded once its answer has been sent. */
  Handler<HttpServerRequest> around(Handler<HttpServerRequest> next) {
    return request -> {
      long start = System.nanoTime();
      Context trace = Context.current();
      HttpServerResponse response = request.response();
      response.endHandler(ended -> record(request, response, start, trace));
      next.handle(request);
    };
  }

  private void record(
      HttpServerRequest request, HttpServerResponse response, long start, Context trace) {
    long nanos = System.nanoTime() - start;
    Operation operation = contract.findOperation(request.path(), request.method());
    String operationId =
        operation == null ? OperationMetrics.NO_OPERATION : operation.getOperationId();
    int status = response.getStatusCode();
    metrics.record(operationId, status, nanos);
    if (!accessLog) {
      return;
    }
    // A path no operation has (a mistype, /metrics) is logged as it came: it holds no query.
    String route = operation == null ? request.path() : operation.getOpenAPIPath();
    long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
    long bytes = response.bytesWritten();
    String requestId = RequestIds.of(request);
    SpanContext span = Span.fromContext(trace).getSpanContext();
    String traceId = span.isValid() ? span.getTraceId() : "-";
    try (Scope scope = trace.makeCurrent()) {
      ACCESS
          .atInfo()
          .addKeyValue("method", request.method().name())
          .addKeyValue("route", route)
          .addKeyValue("operation", operationId)
          .addKeyValue("status", status)
          .addKeyValue("duration_ms", millis)
          .addKeyValue("bytes", bytes)
          .addKeyValue("request_id", requestId)
          .log(
              "{} {} {} {} ms {} B request_id={} trace_id={}",
              request.method().name(),
              route,
              status,
              millis,
              bytes,
              requestId,
              traceId);
    }
  }
}
