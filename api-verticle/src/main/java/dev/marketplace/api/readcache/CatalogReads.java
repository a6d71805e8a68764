package dev.marketplace.api.readcache;

import dev.marketplace.api.readcache.CatalogReadCache.Ticket;
import dev.marketplace.common.bus.Invalidations;
import dev.marketplace.common.config.CatalogCacheSettings;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ValidatedRequest;
import java.time.Clock;

/**
 * The catalog reads the contract marks with {@code x-edge-cache}, answered with an ETag and, for
 * anonymous requests, from one node's {@link CatalogReadCache}.
 *
 * <p>A hit is answered ahead of the router ({@link #ahead}): no routing, validation, event bus or
 * database. That skips the contract's validation soundly, because an answer is kept only under the
 * exact request target (path and query as sent) of a request that passed it and was answered 200,
 * and only for requests that carry nothing else validation or the catalog looks at: a GET without a
 * body or an {@code Authorization} header (these operations read no header, and the catalog answers
 * them alike for everyone). Requests with a token are never answered from the cache nor fill it.
 *
 * <p>Every 200 of these operations, cached or not, carries a strong {@code ETag} and {@code
 * Cache-Control: no-cache}; a matching {@code If-None-Match} gets 304 without a body. {@code
 * no-cache} lets browsers and proxies keep the answer but makes them ask before each use, so that
 * no proxy shows stock that orders have since taken; asking is cheap, a hit and a 304.
 */
public final class CatalogReads {

  /** The contract's extension naming what an operation's answers depend on. */
  public static final String EXTENSION = "x-edge-cache";

  private static final CharSequence NO_CACHE = HttpHeaders.createOptimized("no-cache");
  private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

  /** Null when the cache is off: answers then carry their tags, and every read asks the catalog. */
  private final CatalogReadCache cache;

  private final ReadPositions positions;

  private CatalogReads(CatalogReadCache cache, ReadPositions positions) {
    this.cache = cache;
    this.positions = positions;
  }

  /**
   * The reads of one node, with a cache shaped by {@code settings} unless it is off, which keeps
   * only answers read at or past what {@code positions} says they must reflect.
   */
  public static CatalogReads of(
      CatalogCacheSettings settings, Clock clock, ReadPositions positions) {
    return new CatalogReads(
        settings.enabled() ? new CatalogReadCache(settings, clock) : null, positions);
  }

  /**
   * Drops what each product change heard on the cluster's {@code products} channel made untrue.
   * Each verticle instance listens on its own event loop, so that no loop answers from the cache
   * after it has heard of a change (see {@link CatalogReadCache}). The future completes once every
   * change published from then on will be heard.
   */
  public Future<Void> follow(Vertx vertx) {
    return cache == null
        ? Future.succeededFuture()
        : Invalidations.subscribe(vertx, Invalidations.PRODUCTS, cache::invalidate).completion();
  }

  /** A request handler that answers hits itself and hands everything else to {@code router}. */
  public Handler<HttpServerRequest> ahead(Handler<HttpServerRequest> router) {
    if (cache == null) {
      return router;
    }
    return request -> {
      CachedAnswer answer = cacheable(request) ? cache.get(request.uri()) : null;
      if (answer == null) {
        router.handle(request);
        return;
      }
      request.routed(answer.route());
      send(request, answer);
    };
  }

  /** How {@code operation}'s answers are made, or null if the contract does not mark it. */
  public Read of(Operation operation) {
    Object dependsOn = operation.getExtensions().get(EXTENSION);
    if (dependsOn == null) {
      return null;
    }
    return switch (dependsOn.toString()) {
      case "product" -> new Read(true);
      case "catalog" -> new Read(false);
      default ->
          throw new IllegalStateException(
              operation.getOperationId() + " has " + EXTENSION + ": " + dependsOn);
    };
  }

  /** One operation's reads: answers about the product its path names, or about the catalog. */
  public final class Read {

    private final boolean aboutOneProduct;

    private Read(boolean aboutOneProduct) {
      this.aboutOneProduct = aboutOneProduct;
    }

    /**
     * Called before the catalog is asked: what the answer needs to be kept, or null when it must
     * not be (a token, a body, or no cache).
     */
    public Ticket begin(RoutingContext rc) {
      return cache != null && cacheable(rc.request())
          ? cache.ticket(positions.keptIfReadAfter(productOf(rc)))
          : null;
    }

    /**
     * Sends the catalog's 200 answer {@code json}, read on a replica that had replayed up to {@code
     * readAt} (null: on the primary), and keeps it if {@code ticket} allows.
     */
    public void answer(RoutingContext rc, Ticket ticket, String json, Long readAt) {
      Buffer body = Buffer.buffer(json);
      CachedAnswer answer = new CachedAnswer(body, EntityTag.of(body), rc.currentRoute().getName());
      if (ticket != null) {
        cache.put(rc.request().uri(), answer, productOf(rc), ticket, readAt);
      }
      send(rc.request(), answer);
    }

    /** The product the answer is about, or null for an answer about the catalog. */
    public Long productOf(RoutingContext rc) {
      if (!aboutOneProduct) {
        return null;
      }
      ValidatedRequest validated = rc.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
      return validated.getPathParameters().get("product_id").getLong();
    }
  }

  /** A GET that carries nothing but its method and target: the only kind the cache serves. */
  private static boolean cacheable(HttpServerRequest request) {
    return request.method() == HttpMethod.GET
        && !request.headers().contains(HttpHeaders.AUTHORIZATION)
        && !request.headers().contains(HttpHeaders.TRANSFER_ENCODING)
        && !hasContent(request.getHeader(HttpHeaders.CONTENT_LENGTH));
  }

  private static boolean hasContent(String contentLength) {
    return contentLength != null && !contentLength.equals("0");
  }

  private static void send(HttpServerRequest request, CachedAnswer answer) {
    HttpServerResponse response = request.response();
    response
        .putHeader(HttpHeaders.ETAG, answer.etag())
        .putHeader(HttpHeaders.CACHE_CONTROL, NO_CACHE);
    if (EntityTag.matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), answer.etag())) {
      response.setStatusCode(304).end();
    } else {
      response.putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(answer.body());
    }
  }
}
