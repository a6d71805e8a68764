package dev.marketplace.api;

import dev.marketplace.common.error.ErrorCode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.handler.InputTrustHandler;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;

/**
 * Refuses a request body whose media type the operation does not declare with 415, before the
 * contract validator would call it a plain 400, and a non-upload body over the limit with 413.
 */
final class ContentTypeGuard implements InputTrustHandler {

  private final OpenAPIContract contract;
  private final int jsonBodyLimit;

  ContentTypeGuard(OpenAPIContract contract, int jsonBodyLimit) {
    this.contract = contract;
    this.jsonBodyLimit = jsonBodyLimit;
  }

  @Override
  public void handle(RoutingContext rc) {
    HttpServerRequest request = rc.request();
    if (hasBody(request)) {
      Operation operation = contract.findOperation(request.path(), request.method());
      if (operation != null
          && operation.getRequestBody() != null
          && operation
                  .getRequestBody()
                  .determineContentType(request.getHeader(HttpHeaders.CONTENT_TYPE))
              == null) {
        rc.fail(
            new HttpException(
                ErrorCode.UNSUPPORTED_MEDIA_TYPE.httpStatus(),
                "The body must be one of "
                    + operation.getRequestBody().getContent().keySet()
                    + "."));
        return;
      }
      // The body handler admits image uploads; every other body keeps the small limit.
      if (rc.fileUploads().isEmpty() && rc.body().length() > jsonBodyLimit) {
        rc.fail(
            new HttpException(
                ErrorCode.PAYLOAD_TOO_LARGE.httpStatus(),
                "The request body is larger than " + jsonBodyLimit + " bytes."));
        return;
      }
    }
    rc.next();
  }

  private static boolean hasBody(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    return (length != null && !length.equals("0"))
        || request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
  }
}
