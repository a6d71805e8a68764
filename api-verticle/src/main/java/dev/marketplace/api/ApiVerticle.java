package dev.marketplace.api;

import dev.marketplace.common.security.TokenSettings;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

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

  private HttpServer server;
  private int maxImageBytes;

  @Override
  public Future<?> start() {
    int port = config().getInteger("http_port");
    long timeoutMillis = config().getLong("request_timeout_ms");
    int bodyLimit = config().getInteger("body_limit_bytes");
    maxImageBytes = config().getInteger("max_image_bytes");
    BearerAuthentication authentication =
        new BearerAuthentication(
            vertx,
            config().getString("jwt_public_key"),
            TokenSettings.fromJson(config().getJsonObject("tokens")));
    OrderEventStream streams =
        new OrderEventStream(vertx, config().getLong("heartbeat_ms"), timeoutMillis);
    // Both listen on the clustered bus before the port opens, so no request misses an event.
    return Future.all(
            ContractLoader.load(vertx),
            vertx.fileSystem().readFile(ContractLoader.CONTRACT),
            authentication.followRevocations(vertx),
            streams.listen())
        .map(
            loaded ->
                router(
                    loaded.resultAt(0),
                    loaded.resultAt(1),
                    authentication,
                    streams,
                    timeoutMillis,
                    bodyLimit))
        .compose(router -> vertx.createHttpServer().requestHandler(router).listen(port))
        .onSuccess(listening -> server = listening);
  }

  /** The port the server listens on (useful when it was asked for any free port). */
  public int actualPort() {
    return server.actualPort();
  }

  private Router router(
      OpenAPIContract contract,
      Buffer contractText,
      BearerAuthentication authentication,
      OrderEventStream streams,
      long timeoutMillis,
      int bodyLimit) {
    SingleDecodingRequestExtractor extractor = new SingleDecodingRequestExtractor();
    RouterBuilder builder =
        RouterBuilder.create(vertx, contract, extractor)
            .rootHandler(
                BodyHandler.create(config().getString("upload_directory"))
                    .setBodyLimit(Math.max(bodyLimit, maxImageBytes + MULTIPART_OVERHEAD))
                    .setDeleteUploadedFilesOnEnd(true))
            .rootHandler(new ContentTypeGuard(contract, bodyLimit));
    builder.security("bearerAuth").httpHandler(authentication);

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
    ErrorResponder errors = new ErrorResponder();
    router.route().failureHandler(errors);
    router.errorHandler(404, errors);
    router.errorHandler(405, errors);
    return router;
  }
}
