package dev.marketplace.api;

import dev.marketplace.common.security.TokenSettings;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP edge. Builds the router from the contract, which validates every request; forwards each
 * operation to the event-bus address the contract names for it; answers failures in the standard
 * error format. Serves the contract itself and, unless disabled, Prometheus metrics next to the
 * operations. It runs no SQL.
 */
public final class ApiVerticle extends VerticleBase {

  static final String ADDRESS_EXTENSION = "x-eventbus-address";
  static final String STREAM_EXTENSION = "x-stream";

  /** Room for the multipart framing around an image of the largest accepted size. */
  private static final int MULTIPART_OVERHEAD = 64 * 1024;

  /**
   * How long the deadline of {@link RequestDeadline} exceeds the request timeout: every answer of
   * ours, a 504 from the event bus included, comes before it.
   */
  private static final long DEADLINE_MARGIN_MILLIS = 1000;

  private HttpServer server;
  private int maxImageBytes;

  @Override
  public Future<?> start() {
    int port = config().getInteger("http_port");
    long timeoutMillis = config().getLong("request_timeout_ms");
    int bodyLimit = config().getInteger("body_limit_bytes");
    maxImageBytes = config().getInteger("max_image_bytes");
    // A connection silent for this long is closed; live streams' heartbeats keep theirs open.
    int idleSeconds = (int) Math.max(60, 2 * config().getLong("heartbeat_ms") / 1000);
    return Future.all(
            ContractLoader.load(vertx), vertx.fileSystem().readFile(ContractLoader.CONTRACT))
        .map(loaded -> router(loaded.resultAt(0), loaded.resultAt(1), timeoutMillis, bodyLimit))
        .compose(
            router ->
                vertx
                    .createHttpServer(new HttpServerOptions().setIdleTimeout(idleSeconds))
                    .invalidRequestHandler(new InvalidRequestResponder())
                    .requestHandler(router)
                    .listen(port))
        .onSuccess(listening -> server = listening);
  }

  /**
   * A graceful stop: the server takes no new connections, lets the requests in flight finish for up
   * to the grace period, then closes what is left. Undeploying the edge before the domain verticles
   * (see the app's {@code GracefulShutdown}) keeps what those requests need running meanwhile.
   */
  @Override
  public Future<?> stop() {
    return server == null
        ? Future.succeededFuture()
        : server.shutdown(config().getLong("shutdown_grace_ms", 0L), TimeUnit.MILLISECONDS);
  }

  /** The port the server listens on (useful when it was asked for any free port). */
  public int actualPort() {
    return server.actualPort();
  }

  private Router router(
      OpenAPIContract contract, Buffer contractText, long timeoutMillis, int bodyLimit) {
    SingleDecodingRequestExtractor extractor = new SingleDecodingRequestExtractor();
    RouterBuilder builder =
        RouterBuilder.create(vertx, contract, extractor)
            .rootHandler(new RequestDeadline(vertx, timeoutMillis + DEADLINE_MARGIN_MILLIS))
            .rootHandler(
                new RequestBodyReader(contract, bodyLimit, maxImageBytes + MULTIPART_OVERHEAD));
    builder
        .security("bearerAuth")
        .httpHandler(
            new BearerAuthentication(
                vertx,
                config().getString("jwt_public_key"),
                TokenSettings.fromJson(config().getJsonObject("tokens"))));

    EventLoopRequestValidation validation =
        new EventLoopRequestValidation(vertx, contract, extractor);
    for (OpenAPIRoute route : builder.getRoutes()) {
      if (!route
          .getOperation()
          .getExtensions()
          .containsKey(ImageUploadForwarder.UPLOAD_EXTENSION)) {
        route.setDoValidation(false).addHandler(validation.of(route.getOperation()));
      }
    }
    OperationForwarder forwarder = new OperationForwarder(vertx, timeoutMillis);
    ImageUploadForwarder uploads = new ImageUploadForwarder(vertx, timeoutMillis, maxImageBytes);
    ImageDownload downloads = new ImageDownload(vertx, timeoutMillis);
    Set<String> addresses = new LinkedHashSet<>();
    for (OpenAPIRoute route : builder.getRoutes()) {
      Map<String, Object> extensions = route.getOperation().getExtensions();
      Object address = extensions.get(ADDRESS_EXTENSION);
      if (address == null) {
        continue;
      }
      addresses.add(address.toString());
      if (extensions.containsKey(ImageUploadForwarder.UPLOAD_EXTENSION)) {
        route
            .setDoValidation(false)
            .addHandler(
                uploads.to(
                    address.toString(),
                    route.getOperation().getOperationId(),
                    extensions.get(ImageUploadForwarder.UPLOAD_EXTENSION).toString()));
      } else if (extensions.containsKey(ImageDownload.IMAGE_EXTENSION)) {
        route.addHandler(
            downloads.of(
                address.toString(),
                "thumbnail".equals(extensions.get(ImageDownload.IMAGE_EXTENSION))));
      } else {
        route.addHandler(forwarder.to(address.toString(), route.getOperation()));
      }
    }
    OrderEventStream streams =
        new OrderEventStream(vertx, config().getLong("heartbeat_ms"), timeoutMillis);
    for (OpenAPIRoute route : builder.getRoutes()) {
      if (route.getOperation().getExtensions().containsKey(STREAM_EXTENSION)) {
        route.addHandler(
            streams.handler(
                route
                    .getOperation()
                    .getExtensions()
                    .get(OperationForwarder.CALLER_ID_EXTENSION)
                    .toString()));
      }
    }
    HealthChecks health = new HealthChecks(vertx, addresses);
    builder.getRoute("liveness").addHandler(health::live);
    builder.getRoute("readiness").addHandler(health::ready);

    Router router = builder.createRouter();
    router
        .get("/openapi.yaml")
        .handler(
            rc -> rc.response().putHeader("content-type", "application/yaml").end(contractText));
    if (config().getBoolean("metrics_enabled")) {
      router.get("/metrics").handler(PrometheusScrapingHandler.create());
    }
    new ErrorResponder().install(router);
    return router;
  }
}
