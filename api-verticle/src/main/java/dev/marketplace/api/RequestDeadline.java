package dev.marketplace.api;

import dev.marketplace.common.error.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

/**
 * The last line against a request that never gets an answer: once the request has arrived in full,
 * it must have a response under way within the deadline, or it is answered 504.
 *
 * <p>Every path of ours answers well before (the event-bus timeout is shorter); this catches the
 * ones nobody foresaw, such as a library that stops calling back. While the client is still sending
 * its body the clock is not the request's fault, so the deadline waits; the HTTP server's idle
 * timeout ends a client that stalls.
 */
final class RequestDeadline implements Handler<RoutingContext> {

  private final Vertx vertx;
  private final long deadlineMillis;

  RequestDeadline(Vertx vertx, long deadlineMillis) {
    this.vertx = vertx;
    this.deadlineMillis = deadlineMillis;
  }

  @Override
  public void handle(RoutingContext rc) {
    arm(rc);
    rc.next();
  }

  private void arm(RoutingContext rc) {
    long timer = vertx.setTimer(deadlineMillis, fired -> expire(rc));
    rc.addHeadersEndHandler(headers -> vertx.cancelTimer(timer));
  }

  private void expire(RoutingContext rc) {
    if (rc.response().headWritten() || rc.response().closed()) {
      return;
    }
    if (!rc.request().isEnded()) {
      arm(rc);
      return;
    }
    rc.fail(
        new HttpException(ErrorCode.TIMEOUT.httpStatus(), "The request took too long; try again."));
  }
}
