package dev.marketplace.api;

import dev.marketplace.common.error.ApiError;
import dev.marketplace.common.error.ErrorCode;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;

/**
 * Answers requests that are not valid HTTP, which Vert.x refuses before any route runs (a request
 * line over 4 KB, headers over 8 KB, a NUL in a header), in the error format like every other
 * failure, with a request id of its own, then closes the connection as Vert.x's own handler does:
 * after a malformed request, where the next one starts cannot be trusted.
 */
final class InvalidRequestResponder implements Handler<HttpServerRequest> {

  @Override
  public void handle(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    ApiError error;
    if (cause instanceof TooLongHttpLineException) {
      error = new ApiError(ErrorCode.URI_TOO_LONG, "The request line is longer than 4096 bytes.");
    } else if (cause instanceof TooLongHttpHeaderException) {
      error = new ApiError(ErrorCode.HEADERS_TOO_LARGE, "The request headers are over 8192 bytes.");
    } else {
      error = ApiError.invalid("The request is not valid HTTP.", List.of());
    }
    request
        .response()
        .setStatusCode(error.code().httpStatus())
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(error.toJson().put(ErrorResponder.REQUEST_ID, RequestIds.of(request)).encode())
        .onComplete(sent -> request.connection().close());
  }
}
