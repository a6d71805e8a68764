package dev.marketplace.api.openapi;

import dev.marketplace.api.validation.ViolationWording;
import dev.marketplace.common.error.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.impl.RoutingContextInternal;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.util.function.ToIntFunction;

/**
 * Reads a request body only where the contract says there is one, only in a media type the
 * operation declares (415 otherwise) and only up to the operation's limit (413), as raw bytes.
 *
 * <p>Vert.x Web's {@code BodyHandler} decodes any form or multipart body by its Content-Type alone:
 * a GET with such a body failed inside Vert.x (500), and a multipart body that never closed its
 * last part left the request waiting forever. Here nothing is decoded while the body streams in;
 * the one multipart operation decodes its complete body afterwards ({@code MultipartForm}), and a
 * body on an operation that takes none is left unread, which Vert.x discards.
 *
 * <p>It leaves the body where {@code BodyHandler} would, through Vert.x Web's internal {@code
 * RoutingContextInternal.setBody}, so that {@code rc.body()} and the contract validator read it as
 * usual. That can go when Vert.x Web's {@code BodyHandler} can be told to keep form and multipart
 * bodies raw (or gains a per-route limit and media-type check), and this class becomes that
 * handler's configuration.
 */
public final class RequestBodyReader implements Handler<RoutingContext> {

  private final OpenAPIContract contract;
  private final ToIntFunction<Operation> limitOf;

  /** Reads the bodies of {@code contract}'s operations, each up to {@code limitOf} it in bytes. */
  public RequestBodyReader(OpenAPIContract contract, ToIntFunction<Operation> limitOf) {
    this.contract = contract;
    this.limitOf = limitOf;
  }

  @Override
  public void handle(RoutingContext rc) {
    HttpServerRequest request = rc.request();
    Operation operation = contract.findOperation(request.path(), request.method());
    if (!hasBody(request) || operation == null || operation.getRequestBody() == null) {
      rc.next();
      return;
    }
    String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
    if (contentType == null
        || operation.getRequestBody().determineContentType(contentType) == null) {
      rc.fail(
          new HttpException(
              ErrorCode.UNSUPPORTED_MEDIA_TYPE.httpStatus(),
              ViolationWording.acceptedBodies(operation.getRequestBody().getContent().keySet())));
      return;
    }
    int limit = limitOf.applyAsInt(operation);
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && exceeds(length, limit)) {
      rc.fail(tooLarge(limit));
      return;
    }
    if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))
        && request.version() != HttpVersion.HTTP_1_0) {
      rc.response().writeContinue();
    }
    read(rc, limit);
  }

  private static void read(RoutingContext rc, int limit) {
    Buffer body = Buffer.buffer();
    boolean[] failed = {false};
    rc.request()
        .handler(
            chunk -> {
              if (failed[0]) {
                return;
              }
              if (body.length() + chunk.length() > limit) {
                failed[0] = true;
                rc.fail(tooLarge(limit));
              } else {
                body.appendBuffer(chunk);
              }
            })
        .exceptionHandler(
            broken -> {
              if (!failed[0]) {
                failed[0] = true;
                rc.fail(new HttpException(400, "The request body could not be read.", broken));
              }
            })
        .endHandler(
            end -> {
              if (!failed[0]) {
                // The same place Vert.x Web's own body handler leaves the body, so that
                // rc.body() and the contract validator read it as usual.
                ((RoutingContextInternal) rc).setBody(body);
                rc.next();
              }
            });
  }

  private static HttpException tooLarge(int limit) {
    return new HttpException(
        ErrorCode.PAYLOAD_TOO_LARGE.httpStatus(),
        "The request body is larger than " + size(limit) + ", the most this operation takes.");
  }

  /** A limit as people say it: whole megabytes or kilobytes, rounded down, else bytes. */
  static String size(int bytes) {
    int kilobyte = 1024;
    int megabyte = kilobyte * kilobyte;
    if (bytes >= megabyte) {
      return bytes / megabyte + " MB";
    }
    return bytes >= kilobyte ? bytes / kilobyte + " KB" : bytes + " bytes";
  }

  private static boolean exceeds(String contentLength, int limit) {
    try {
      return Long.parseLong(contentLength.trim()) > limit;
    } catch (NumberFormatException unreadable) {
      return true;
    }
  }

  /** Whether the request announces a body: a non-zero length or a chunked transfer. */
  private static boolean hasBody(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    return (length != null && !length.equals("0"))
        || request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
  }
}
