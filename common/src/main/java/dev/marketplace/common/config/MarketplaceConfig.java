package dev.marketplace.common.config;

import dev.marketplace.common.security.TokenSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the server can be told, read from {@code MARKETPLACE_*} environment variables.
 *
 * @param httpPort port of the HTTP API
 * @param databaseUrl the PostgreSQL URI, or empty to start the embedded server
 * @param readReplicas the replicas that serve catalog reads and seller analytics, if any
 * @param dataDirectory where the embedded server keeps its data, and the generated signing keys
 * @param databasePoolSize connections shared by all verticles of the process
 * @param requestTimeoutMillis how long the HTTP edge waits for a domain verticle
 * @param bodyLimitBytes largest request body accepted
 * @param verticleInstances instances of each verticle, to use every event loop
 * @param jwtPrivateKeyFile PEM file of the token signing key, or empty to keep one in the data
 *     directory
 * @param jwtPublicKeyFile PEM file of the matching public key
 * @param tokens claims and lifetimes of access and refresh tokens
 * @param unpaidOrderHoldMinutes how long an unpaid order holds its stock before it cancels itself
 * @param orderSweepSeconds how often overdue unpaid orders, expired idempotency keys, expired
 *     refresh tokens and stale login failures are swept
 * @param orderLanes order placements each order verticle instance runs at once; more orders wait
 *     and go in batches
 * @param orderBatchMax most single-product orders placed in one transaction when orders queue (1
 *     places each alone)
 * @param heartbeatSeconds how often live order streams send a heartbeat
 * @param imageDirectory where earlier versions kept product images, copied into the database at
 *     start
 * @param maxImageBytes largest image upload accepted
 * @param payments the card gateway
 * @param metricsEnabled whether Prometheus metrics are collected and served on {@code /metrics}
 * @param shutdownGraceSeconds how long a stopping server lets requests in flight finish
 * @param catalogCache the api edge's cache of anonymous catalog reads
 * @param logs the log format and the access log
 * @param tracing whether OpenTelemetry traces requests ({@code OTEL_*} variables)
 * @param cluster how this process joins a cluster, or empty to run alone
 * @param verticles what this process runs: everything alone, a chosen part in a cluster
 */
public record MarketplaceConfig(
    int httpPort,
    Optional<String> databaseUrl,
    ReadReplicaSettings readReplicas,
    Path dataDirectory,
    int databasePoolSize,
    long requestTimeoutMillis,
    int bodyLimitBytes,
    int verticleInstances,
    Optional<Path> jwtPrivateKeyFile,
    Optional<Path> jwtPublicKeyFile,
    TokenSettings tokens,
    int unpaidOrderHoldMinutes,
    int orderSweepSeconds,
    int orderLanes,
    int orderBatchMax,
    int heartbeatSeconds,
    Path imageDirectory,
    int maxImageBytes,
    PaymentSettings payments,
    boolean metricsEnabled,
    int shutdownGraceSeconds,
    CatalogCacheSettings catalogCache,
    LogSettings logs,
    TracingSettings tracing,
    Optional<ClusterSettings> cluster,
    NodeVerticles verticles) {

  public static MarketplaceConfig fromEnvironment(Map<String, String> env) {
    EnvironmentReader reader = new EnvironmentReader(env);
    Path dataDirectory = Path.of(reader.text("MARKETPLACE_DATA_DIR").orElse("data"));
    int instances =
        reader.integer(
            "MARKETPLACE_VERTICLE_INSTANCES", Runtime.getRuntime().availableProcessors(), 1, 64);
    PaymentSettings payments = PaymentSettings.read(reader);
    Optional<ClusterSettings> cluster = ClusterSettings.read(reader);
    NodeVerticles verticles =
        NodeVerticles.read(reader, cluster.isPresent(), instances, payments.usesSandbox());
    checkGatewayReachable(payments, verticles);
    return new MarketplaceConfig(
        reader.integer("MARKETPLACE_HTTP_PORT", 8080, 0, 65535),
        reader.text("MARKETPLACE_DB_URL"),
        ReadReplicaSettings.read(reader),
        dataDirectory,
        reader.integer("MARKETPLACE_DB_POOL_SIZE", 16, 1, 1000),
        reader.integer("MARKETPLACE_REQUEST_TIMEOUT_MS", 5000, 100, 600_000),
        reader.integer("MARKETPLACE_BODY_LIMIT_BYTES", 65_536, 1024, 64 * 1024 * 1024),
        instances,
        reader.text("MARKETPLACE_JWT_PRIVATE_KEY_FILE").map(Path::of),
        reader.text("MARKETPLACE_JWT_PUBLIC_KEY_FILE").map(Path::of),
        new TokenSettings(
            reader.text("MARKETPLACE_JWT_ISSUER").orElse("marketplace"),
            reader.text("MARKETPLACE_JWT_AUDIENCE").orElse("marketplace-api"),
            Duration.ofMinutes(reader.integer("MARKETPLACE_ACCESS_TOKEN_MINUTES", 15, 1, 1440)),
            Duration.ofDays(reader.integer("MARKETPLACE_REFRESH_TOKEN_DAYS", 14, 1, 365))),
        reader.integer("MARKETPLACE_UNPAID_ORDER_MINUTES", 30, 1, 7 * 24 * 60),
        reader.integer("MARKETPLACE_ORDER_SWEEP_SECONDS", 30, 1, 3600),
        reader.integer("MARKETPLACE_ORDER_LANES", 1, 1, 1000),
        reader.integer("MARKETPLACE_ORDER_BATCH_MAX", 32, 1, 1000),
        reader.integer("MARKETPLACE_SSE_HEARTBEAT_SECONDS", 15, 1, 300),
        reader.text("MARKETPLACE_IMAGE_DIR").map(Path::of).orElse(dataDirectory.resolve("images")),
        reader.integer("MARKETPLACE_MAX_IMAGE_BYTES", 5 * 1024 * 1024, 1024, 50 * 1024 * 1024),
        payments,
        reader.bool("MARKETPLACE_METRICS_ENABLED", true),
        reader.integer("MARKETPLACE_SHUTDOWN_GRACE_SECONDS", 10, 0, 3600),
        CatalogCacheSettings.read(reader),
        LogSettings.read(reader),
        TracingSettings.read(env),
        cluster,
        verticles);
  }

  /**
   * A payment verticle needs a gateway it can find, and a sandbox on a node of its own is useful
   * only if payment nodes elsewhere can share its secrets.
   */
  private static void checkGatewayReachable(PaymentSettings payments, NodeVerticles verticles) {
    boolean payment = verticles.runs(VerticleKind.PAYMENT);
    boolean sandbox = verticles.runs(VerticleKind.SANDBOX);
    if (payment && !sandbox && payments.usesSandbox()) {
      throw new IllegalArgumentException(
          "This node runs payment without the sandbox: set MARKETPLACE_PAYMENT_GATEWAY_URL (the"
              + " sandbox node's http://host:port, or a real gateway) with"
              + " MARKETPLACE_PAYMENT_API_KEY and MARKETPLACE_PAYMENT_WEBHOOK_SECRET");
    }
    if (sandbox && !payment && !payments.sharedSecrets()) {
      throw new IllegalArgumentException(
          "This node runs the sandbox without payment: set MARKETPLACE_PAYMENT_API_KEY and"
              + " MARKETPLACE_PAYMENT_WEBHOOK_SECRET, the same on the payment nodes");
    }
  }

  public MarketplaceConfig withHttpPort(int port) {
    return new MarketplaceConfig(
        port,
        databaseUrl,
        readReplicas,
        dataDirectory,
        databasePoolSize,
        requestTimeoutMillis,
        bodyLimitBytes,
        verticleInstances,
        jwtPrivateKeyFile,
        jwtPublicKeyFile,
        tokens,
        unpaidOrderHoldMinutes,
        orderSweepSeconds,
        orderLanes,
        orderBatchMax,
        heartbeatSeconds,
        imageDirectory,
        maxImageBytes,
        payments,
        metricsEnabled,
        shutdownGraceSeconds,
        catalogCache,
        logs,
        tracing,
        cluster,
        verticles);
  }
}
