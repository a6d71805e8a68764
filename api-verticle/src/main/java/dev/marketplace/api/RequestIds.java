package dev.marketplace.api;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives every request an id of its own the moment it arrives, before the catalog read cache or the
 * router: 32 random hexadecimal digits (the shape of a W3C trace id). It is sent back on every
 * answer as {@value #HEADER}, carried by every error body as {@code request_id}, and kept on the
 * routing context under {@value #CONTEXT_KEY} for whatever logs the request (an access log reads it
 * with {@link #of(RoutingContext)}, or {@link #of(HttpServerRequest)} where no route ran).
 *
 * <p>The id is ours, never the client's: one a client could choose could also be made to collide
 * with another request's in our logs.
 */
public final class RequestIds {

  /** The response header that carries the id. */
  public static final String HEADER = "X-Request-Id";

  /** Where the id is kept on the {@link RoutingContext}. */
  public static final String CONTEXT_KEY = "marketplace.requestId";

  private RequestIds() {}

  /** {@code next}, after giving the request its id. */
  static Handler<HttpServerRequest> first(Handler<HttpServerRequest> next) {
    return request -> {
      assign(request);
      next.handle(request);
    };
  }

  /** The router's first handler: puts the request's id on its routing context. */
  static Handler<RoutingContext> onContext() {
    return rc -> {
      rc.put(CONTEXT_KEY, of(rc.request()));
      rc.next();
    };
  }

  /** The id of a request that arrived through {@link #first}, or a new one given to it now. */
  public static String of(HttpServerRequest request) {
    String id = request.response().headers().get(HEADER);
    return id != null ? id : assign(request);
  }

  /** The id of the request of {@code rc}. */
  public static String of(RoutingContext rc) {
    String id = rc.get(CONTEXT_KEY);
    return id != null ? id : of(rc.request());
  }

  private static String assign(HttpServerRequest request) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String id =
        HexFormat.of().toHexDigits(random.nextLong())
            + HexFormat.of().toHexDigits(random.nextLong());
    request.response().putHeader(HEADER, id);
    return id;
  }
}
