package dev.marketplace.api;

import dev.marketplace.api.openapi.ContractLoader;
import dev.marketplace.api.openapi.EventLoopRequestValidation;
import dev.marketplace.api.openapi.RequestBodyReader;
import dev.marketplace.api.readcache.CatalogReads;
import dev.marketplace.api.readcache.ReadPositions;
import dev.marketplace.common.bus.ApiOperation;
import dev.marketplace.common.bus.Invalidations;
import dev.marketplace.common.config.CatalogCacheSettings;
import dev.marketplace.common.config.MarketplaceConfig;
import dev.marketplace.common.metrics.Meters;
import dev.marketplace.common.security.TokenSettings;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The HTTP edge. Builds the router from the contract, which validates every request; forwards each
 * operation to the event-bus address the contract names for it, once {@link ContractWiring} has
 * checked that every such operation has a handler there; answers failures in the standard error
 * format. Serves the contract itself and its reference page ({@link ReferencePages}) and, unless
 * disabled, Prometheus metrics next to the operations. It runs no SQL. The instances of one node
 * share its cache of anonymous catalog reads ({@link CatalogReads}), which answers hits before the
 * router.
 */
public final class ApiVerticle extends VerticleBase {

  /**
   * What the HTTP edge is told.
   *
   * @param httpPort the port it listens on (0 for any free port)
   * @param requestTimeout how long it waits for a domain verticle before answering 504
   * @param bodyLimitBytes the largest request body, images aside
   * @param maxImageBytes the largest image upload
   * @param jwtPublicKeyPem the key access tokens are verified with (X.509 PEM)
   * @param tokens the claims access tokens must carry
   * @param heartbeat how often live order streams send a heartbeat
   * @param metricsEnabled whether {@code /metrics} serves Prometheus metrics
   * @param accessLog whether every request gets a line in the access log
   * @param shutdownGrace how long a graceful stop lets requests in flight finish
   * @param catalogCache the cache of anonymous catalog reads
   * @param readPositionHold how long a caller's write decides where its reads go, where reads may
   *     come from replicas: longer than the most a replica that serves reads may lag
   */
  public record Settings(
      int httpPort,
      Duration requestTimeout,
      int bodyLimitBytes,
      int maxImageBytes,
      String jwtPublicKeyPem,
      TokenSettings tokens,
      Duration heartbeat,
      boolean metricsEnabled,
      boolean accessLog,
      Duration shutdownGrace,
      CatalogCacheSettings catalogCache,
      Duration readPositionHold) {

    public static Settings from(MarketplaceConfig config, String jwtPublicKeyPem) {
      return new Settings(
          config.httpPort(),
          Duration.ofMillis(config.requestTimeoutMillis()),
          config.bodyLimitBytes(),
          config.maxImageBytes(),
          jwtPublicKeyPem,
          config.tokens(),
          Duration.ofSeconds(config.heartbeatSeconds()),
          config.metricsEnabled(),
          config.logs().accessLog(),
          Duration.ofSeconds(config.shutdownGraceSeconds()),
          config.catalogCache(),
          // A serving replica has every commit older than its lag limit and a check or two.
          config.readReplicas().maxLag().plusSeconds(5));
    }
  }

  static final String STREAM_EXTENSION = "x-stream";

  /** Room for the multipart framing around an image of the largest accepted size. */
  private static final int MULTIPART_OVERHEAD = 64 * 1024;

  private static final String MAX_BODY_EXTENSION = "x-max-body-bytes";

  /**
   * How long the deadline of {@link RequestDeadline} exceeds the request timeout: every answer of
   * ours, a 504 from the event bus included, comes before it.
   */
  private static final long DEADLINE_MARGIN_MILLIS = 1000;

  private final Settings settings;
  private final CatalogReads reads;
  private final ReadPositions positions;
  private HttpServer server;

  private ApiVerticle(Settings settings, CatalogReads reads, ReadPositions positions) {
    this.settings = settings;
    this.reads = reads;
    this.positions = positions;
  }

  /**
   * Makes the instances of one node's edge, which share one cache of catalog reads (its answers
   * expire by {@code clock}) and one memory of what reads must reflect ({@link ReadPositions}).
   */
  public static Supplier<ApiVerticle> instances(Settings settings, Clock clock) {
    // Replication runs on real time, whatever clock the rest of the node is given.
    ReadPositions positions = new ReadPositions(Clock.systemUTC(), settings.readPositionHold());
    CatalogReads reads = CatalogReads.of(settings.catalogCache(), clock, positions);
    return () -> new ApiVerticle(settings, reads, positions);
  }

  @Override
  public Future<?> start() {
    // A connection silent for this long is closed; live streams' heartbeats keep theirs open.
    int idleSeconds = (int) Math.max(60, 2 * settings.heartbeat().toSeconds());
    BearerAuthentication authentication =
        new BearerAuthentication(vertx, settings.jwtPublicKeyPem(), settings.tokens());
    OrderEventStream streams =
        new OrderEventStream(
            vertx, settings.heartbeat().toMillis(), settings.requestTimeout().toMillis());
    // Both listen on the clustered bus before the port opens, so no request misses an event.
    return Future.all(
            List.of(
                ContractLoader.load(vertx),
                vertx.fileSystem().readFile(ContractLoader.CONTRACT),
                ContractLoader.json(vertx),
                authentication.followRevocations(vertx),
                streams.listen(),
                reads.follow(vertx),
                Invalidations.subscribe(vertx, Invalidations.PRODUCTS, positions::heard)
                    .completion()))
        .compose(
            loaded ->
                ContractWiring.check(vertx, settings.requestTimeout())
                    .map(
                        wired -> {
                          OpenAPIContract contract = loaded.resultAt(0);
                          Router router =
                              router(
                                  contract,
                                  new ReferencePages(loaded.resultAt(1), loaded.resultAt(2)),
                                  authentication,
                                  streams);
                          RequestLog log =
                              new RequestLog(
                                  contract,
                                  settings.accessLog(),
                                  new OperationMetrics(Meters.registry()));
                          return RequestIds.first(log.around(reads.ahead(router)));
                        }))
        .compose(
            handler ->
                vertx
                    .createHttpServer(new HttpServerOptions().setIdleTimeout(idleSeconds))
                    .invalidRequestHandler(new InvalidRequestResponder())
                    .requestHandler(handler)
                    .listen(settings.httpPort()))
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
        : server.shutdown(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * The catalogue's entry for an operation of the contract the server loaded; both come from the
   * same file, so a miss means the jar was built from another contract.
   */
  private static ApiOperation catalogued(Operation operation) {
    return ApiOperation.byId(operation.getOperationId())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    operation.getOperationId()
                        + " is in the contract but not in the operation catalogue: rebuild"));
  }

  /** The port the server listens on (useful when it was asked for any free port). */
  public int actualPort() {
    return server.actualPort();
  }

  /**
   * The largest body an operation takes: the configured limit, or more where the contract says so
   * with {@code x-max-body-bytes} (the bulk import's 500 lines do not fit in 64 KB).
   */
  private static int bodyLimitOf(Operation operation, int configured) {
    return operation.getExtensions().get(MAX_BODY_EXTENSION) instanceof Number larger
        ? Math.max(configured, larger.intValue())
        : configured;
  }

  private Router router(
      OpenAPIContract contract,
      ReferencePages reference,
      BearerAuthentication authentication,
      OrderEventStream streams) {
    long timeoutMillis = settings.requestTimeout().toMillis();
    int bodyLimit = settings.bodyLimitBytes();
    int maxImageBytes = settings.maxImageBytes();
    RouterBuilder builder =
        RouterBuilder.create(vertx, contract)
            .rootHandler(RequestIds.onContext())
            .rootHandler(new RequestDeadline(vertx, timeoutMillis + DEADLINE_MARGIN_MILLIS))
            .rootHandler(
                new RequestBodyReader(
                    contract,
                    operation ->
                        operation.getExtensions().containsKey(ImageUploadForwarder.UPLOAD_EXTENSION)
                            ? maxImageBytes + MULTIPART_OVERHEAD
                            : bodyLimitOf(operation, bodyLimit)));
    builder.security("bearerAuth").httpHandler(authentication);

    EventLoopRequestValidation validation = new EventLoopRequestValidation(vertx, contract);
    for (OpenAPIRoute route : builder.getRoutes()) {
      boolean upload =
          route.getOperation().getExtensions().containsKey(ImageUploadForwarder.UPLOAD_EXTENSION);
      route
          .setDoValidation(false)
          .addHandler(
              upload
                  ? validation.parametersOf(route.getOperation())
                  : validation.of(route.getOperation()));
    }
    BusRequests bus = new BusRequests(vertx, Meters.registry());
    OperationForwarder forwarder = new OperationForwarder(bus, timeoutMillis, reads, positions);
    ImageUploadForwarder uploads = new ImageUploadForwarder(bus, timeoutMillis, maxImageBytes);
    ImageDownload downloads = new ImageDownload(bus, timeoutMillis);
    for (OpenAPIRoute route : builder.getRoutes()) {
      Operation contractOperation = route.getOperation();
      ApiOperation operation = catalogued(contractOperation);
      Map<String, Object> extensions = contractOperation.getExtensions();
      if (operation.address().isEmpty()) {
        if (extensions.containsKey(STREAM_EXTENSION)) {
          route.addHandler(
              streams.handler(extensions.get(OperationForwarder.CALLER_ID_EXTENSION).toString()));
        }
      } else if (extensions.containsKey(ImageUploadForwarder.UPLOAD_EXTENSION)) {
        route
            .setDoValidation(false)
            .addHandler(
                uploads.to(
                    operation,
                    contractOperation,
                    extensions.get(ImageUploadForwarder.UPLOAD_EXTENSION).toString()));
      } else if (extensions.containsKey(ImageDownload.IMAGE_EXTENSION)) {
        route.addHandler(downloads.of(operation));
      } else {
        route.addHandler(forwarder.to(operation, contractOperation));
      }
    }
    HealthChecks health = new HealthChecks(vertx, ContractWiring.operationsByAddress().keySet());
    builder.getRoute(ApiOperation.LIVENESS.id()).addHandler(health::live);
    builder.getRoute(ApiOperation.READINESS.id()).addHandler(health::ready);

    Router router = builder.createRouter();
    reference.install(router);
    if (settings.metricsEnabled()) {
      router.get("/metrics").handler(PrometheusScrapingHandler.create());
    }
    new ErrorResponder(contract).install(router);
    return router;
  }
}
