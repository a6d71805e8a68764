package dev.marketplace.api;

import dev.marketplace.api.openapi.ContractLoader;
import dev.marketplace.api.openapi.EventLoopRequestValidation;
import dev.marketplace.common.config.MarketplaceConfig;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP edge. Builds the router from the contract, which validates every request; forwards each
 * operation to the event-bus address the contract names for it, once {@link ContractWiring} has
 * checked that every such operation has a handler there; answers failures in the standard error
 * format. Serves the contract itself and, unless disabled, Prometheus metrics next to the
 * operations. It runs no SQL.
 */
public final class ApiVerticle extends VerticleBase {

  /**
   * What the HTTP edge is told.
   *
   * @param httpPort the port it listens on (0 for any free port)
   * @param requestTimeout how long it waits for a domain verticle before answering 504
   * @param bodyLimitBytes the largest request body, images aside
   * @param maxImageBytes the largest image upload
   * @param uploadDirectory where uploads are buffered while a request runs
   * @param jwtPublicKeyPem the key access tokens are verified with (X.509 PEM)
   * @param tokens the claims access tokens must carry
   * @param heartbeat how often live order streams send a heartbeat
   * @param metricsEnabled whether {@code /metrics} serves Prometheus metrics
   */
  public record Settings(
      int httpPort,
      Duration requestTimeout,
      int bodyLimitBytes,
      int maxImageBytes,
      Path uploadDirectory,
      String jwtPublicKeyPem,
      TokenSettings tokens,
      Duration heartbeat,
      boolean metricsEnabled) {

    public static Settings from(MarketplaceConfig config, String jwtPublicKeyPem) {
      return new Settings(
          config.httpPort(),
          Duration.ofMillis(config.requestTimeoutMillis()),
          config.bodyLimitBytes(),
          config.maxImageBytes(),
          config.dataDirectory().resolve("uploads").toAbsolutePath(),
          jwtPublicKeyPem,
          config.tokens(),
          Duration.ofSeconds(config.heartbeatSeconds()),
          config.metricsEnabled());
    }
  }

  static final String ADDRESS_EXTENSION = "x-eventbus-address";
  static final String STREAM_EXTENSION = "x-stream";

  /** Room for the multipart framing around an image of the largest accepted size. */
  private static final int MULTIPART_OVERHEAD = 64 * 1024;

  private final Settings settings;
  private HttpServer server;

  public ApiVerticle(Settings settings) {
    this.settings = settings;
  }

  @Override
  public Future<?> start() {
    BearerAuthentication authentication =
        new BearerAuthentication(vertx, settings.jwtPublicKeyPem(), settings.tokens());
    OrderEventStream streams =
        new OrderEventStream(
            vertx, settings.heartbeat().toMillis(), settings.requestTimeout().toMillis());
    // Both listen on the clustered bus before the port opens, so no request misses an event.
    return Future.all(
            ContractLoader.load(vertx),
            vertx.fileSystem().readFile(ContractLoader.CONTRACT),
            authentication.followRevocations(vertx),
            streams.listen())
        .compose(
            loaded ->
                ContractWiring.check(vertx, loaded.resultAt(0), settings.requestTimeout())
                    .map(
                        wired ->
                            router(
                                loaded.resultAt(0), loaded.resultAt(1), authentication, streams)))
        .compose(
            router -> vertx.createHttpServer().requestHandler(router).listen(settings.httpPort()))
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
      OrderEventStream streams) {
    long timeoutMillis = settings.requestTimeout().toMillis();
    int bodyLimit = settings.bodyLimitBytes();
    int maxImageBytes = settings.maxImageBytes();
    RouterBuilder builder =
        RouterBuilder.create(vertx, contract)
            .rootHandler(
                BodyHandler.create(settings.uploadDirectory().toString())
                    .setBodyLimit(Math.max(bodyLimit, maxImageBytes + MULTIPART_OVERHEAD))
                    .setDeleteUploadedFilesOnEnd(true))
            .rootHandler(new ContentTypeGuard(contract, bodyLimit));
    builder.security("bearerAuth").httpHandler(authentication);

    EventLoopRequestValidation validation = new EventLoopRequestValidation(vertx, contract);
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
        route.addHandler(downloads.of(address.toString(), route.getOperation().getOperationId()));
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
    if (settings.metricsEnabled()) {
      router.get("/metrics").handler(PrometheusScrapingHandler.create());
    }
    ErrorResponder errors = new ErrorResponder();
    router.route().failureHandler(errors);
    router.errorHandler(404, errors);
    router.errorHandler(405, errors);
    return router;
  }
}
