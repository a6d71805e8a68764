package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.common.testing.LoopbackPorts;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What operators see of a cluster started by the real launcher, each node a process of its own: the
 * domain node (where the account and payment handlers run) logs JSON, one api node logs JSON with
 * the access log, another text with the access log. Nothing secret a request carries (passwords,
 * tokens, card tokens) nor the payment keys reach any log line.
 *
 * <p>The domain node logs JSON because that format prints the most of an event: the message and the
 * exception, which are all the text format prints, and also the line's key-value pairs and its MDC.
 * A secret a handler logs in either format is therefore in its JSON line.
 */
class ObservabilityTest {

  private static TestCluster cluster;
  private static Path domainLog;
  private static Path jsonApiLog;
  private static Path textApiLog;
  private static ApiClient jsonApi;
  private static ApiClient textApi;
  private static int domainHealthPort;
  private static OtlpReceiver receiver;

  @BeforeAll
  static void startTheNodes() throws Exception {
    cluster = TestCluster.create();
    receiver = OtlpReceiver.start(cluster.clients);
    Path logs = Files.createDirectories(Path.of("target", "observability"));
    domainLog = logs.resolve("domain-node.log");
    jsonApiLog = logs.resolve("api-node-json.log");
    textApiLog = logs.resolve("api-node-text.log");
    domainHealthPort = LoopbackPorts.take();
    cluster.startProcess(
        "account,catalog,order,payment,sandbox",
        domainLog,
        cluster.httpPort,
        domainHealthPort,
        observed("json"));
    cluster.startProcess(
        "api", jsonApiLog, cluster.httpPort, LoopbackPorts.take(), observed("json"));
    int textPort = LoopbackPorts.take();
    cluster.startProcess("api", textApiLog, textPort, LoopbackPorts.take(), observed("text"));
    jsonApi = ApiClient.connect(cluster.clients, cluster.httpPort);
    textApi = ApiClient.connect(cluster.clients, textPort);
  }

  private static Map<String, String> observed(String format) {
    Map<String, String> env = new HashMap<>();
    env.put("MARKETPLACE_LOG_FORMAT", format);
    env.put("MARKETPLACE_ACCESS_LOG", "true");
    env.put("MARKETPLACE_METRICS_ENABLED", "true");
    env.put("OTEL_TRACES_EXPORTER", "otlp");
    env.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + receiver.port());
    env.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
    env.put("OTEL_BSP_SCHEDULE_DELAY", "100");
    return env;
  }

  @AfterAll
  static void stopTheNodes() throws Exception {
    cluster.close();
  }

  @Test
  void oneRequestIsOneTraceAcrossTheNodesContinuingTheCallersTraceparent() throws Exception {
    Fixtures fixtures = new Fixtures(cluster.clients, jsonApi);
    Account seller = fixtures.seller("Traced Shop");
    long productId = fixtures.product(seller, "Traced Teapot", "Home", "21.00", 5).getLong("id");
    Account buyer = fixtures.buyer("Traced Buyer");
    String traceId = OtlpReceiver.randomHex(16);
    String callerSpan = OtlpReceiver.randomHex(8);
    Map<String, String> traceparent =
        Map.of("traceparent", "00-" + traceId + "-" + callerSpan + "-01");

    ApiResponse placed =
        buyer
            .api()
            .postRaw(
                "/api/buyers/orders",
                new JsonObject().put("product_id", productId).put("quantity", 1).encode(),
                traceparent);
    assertThat(placed.status()).isEqualTo(201);
    ApiResponse paid =
        buyer
            .api()
            .postRaw(
                "/api/buyers/orders/" + placed.json().getLong("id") + "/payments",
                new JsonObject()
                    .put("payment_method", "card")
                    .put("card_token", "tok_success")
                    .encode(),
                traceparent);
    assertThat(paid.status()).isEqualTo(201);

    Eventually.until(
        () ->
            receiver.spans(traceId).stream().anyMatch(OtlpReceiver.Span::isSql)
                && receiver.spans(traceId).stream()
                    .anyMatch(span -> span.isHttpClient() && span.node().contains("payment")),
        Duration.ofSeconds(20));
    // Nodes export on their own schedules: wait for every span's parent to have arrived too.
    Eventually.until(
        () -> everyParentArrived(receiver.spans(traceId), callerSpan), Duration.ofSeconds(10));
    List<OtlpReceiver.Span> spans = receiver.spans(traceId);
    Files.write(
        jsonApiLog.resolveSibling("trace.txt"), spans.stream().map(Object::toString).toList());
    List<OtlpReceiver.Span> edge =
        spans.stream().filter(span -> span.parentSpanId().equals(callerSpan)).toList();
    assertThat(edge).as("the api's server spans continue the caller's").hasSize(2);
    assertThat(edge).allSatisfy(span -> assertThat(span.node()).isEqualTo(List.of("api")));
    OtlpReceiver.Span apiSpan = edge.getFirst();
    assertThat(apiSpan.serviceName()).isEqualTo("marketplace");
    List<OtlpReceiver.Span> onDomainNode =
        spans.stream().filter(span -> span.node().contains("order")).toList();
    assertThat(onDomainNode).as("the handler on the domain node").isNotEmpty();
    assertThat(onDomainNode.getFirst().instanceId()).isNotEqualTo(apiSpan.instanceId());
    List<OtlpReceiver.Span> sql = spans.stream().filter(OtlpReceiver.Span::isSql).toList();
    assertThat(sql)
        .allSatisfy(
            span -> {
              assertThat(span.attributes()).containsEntry("db.system", "postgresql");
              assertThat(span.statement()).isNotBlank().doesNotContain("tok_success");
            });
    assertThat(sql).anySatisfy(span -> assertThat(span.statement()).contains("$1"));

    String requestId = placed.headers().get("X-Request-Id");
    Eventually.until(() -> read(jsonApiLog).contains(requestId), Duration.ofSeconds(10));
    JsonObject access =
        jsonLines(jsonApiLog).stream()
            .filter(line -> requestId.equals(line.getString("request_id")))
            .findFirst()
            .orElseThrow();
    assertThat(access.getString("trace_id")).isEqualTo(traceId);
    assertThat(access.getString("span_id")).isNotBlank();

    // The gateway's webhook is a request of its own, traced from the api to the payment handler.
    Eventually.until(
        () -> jsonLines(jsonApiLog).stream().anyMatch(ObservabilityTest::isWebhookAccess),
        Duration.ofSeconds(10));
    String webhookTrace =
        jsonLines(jsonApiLog).stream()
            .filter(ObservabilityTest::isWebhookAccess)
            .reduce((first, last) -> last)
            .orElseThrow()
            .getString("trace_id");
    Eventually.until(
        () ->
            receiver.spans(webhookTrace).stream().anyMatch(ObservabilityTest::isWebhook)
                && receiver.spans(webhookTrace).stream()
                    .anyMatch(span -> span.isSql() && span.node().contains("payment")),
        Duration.ofSeconds(20));
  }

  private static boolean isWebhookAccess(JsonObject line) {
    return "/api/payments/webhooks/{provider}".equals(line.getString("route"));
  }

  private static boolean isWebhook(OtlpReceiver.Span span) {
    return span.kind() == io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_SERVER
        && "/api/payments/webhooks/sandbox".equals(span.attributes().get("url.path"));
  }

  /** Whether each span's parent is the caller's span or another span of the trace. */
  private static boolean everyParentArrived(List<OtlpReceiver.Span> spans, String callerSpan) {
    return spans.stream()
        .allMatch(
            span ->
                span.parentSpanId().equals(callerSpan)
                    || spans.stream()
                        .anyMatch(other -> other.spanId().equals(span.parentSpanId())));
  }

  @Test
  void noSecretReachesALogLineInEitherFormat() throws Exception {
    List<String> secrets = new ArrayList<>();
    List<String> jsonRequests = useEveryKindOfSecret(jsonApi, secrets);
    List<String> textRequests = useEveryKindOfSecret(textApi, secrets);
    secrets.add(TestCluster.WEBHOOK_SECRET);
    secrets.add(TestCluster.API_KEY);

    Eventually.until(
        () ->
            read(jsonApiLog).contains(jsonRequests.getLast())
                && read(textApiLog).contains(textRequests.getLast()),
        Duration.ofSeconds(10));
    // Parsing proves the domain node's lines are the JSON ones the check is meant to read.
    assertThat(jsonLines(domainLog)).isNotEmpty();
    for (Path log : List.of(domainLog, jsonApiLog, textApiLog)) {
      String lines = read(log);
      for (String secret : secrets) {
        assertThat(lines).as("%s holds a secret", log).doesNotContain(secret);
      }
    }
    assertThat(read(jsonApiLog)).contains(jsonRequests);
    assertThat(read(textApiLog)).contains(textRequests);
  }

  @Test
  void jsonLogsAreOneObjectPerLineAndTheAccessLogNamesTheRouteTemplate() throws Exception {
    Fixtures fixtures = new Fixtures(cluster.clients, jsonApi);
    Account buyer = fixtures.buyer("Json Reader");
    ApiResponse order = buyer.api().get("/api/buyers/" + buyer.id() + "/orders/987654321");
    assertThat(order.status()).isEqualTo(404);
    String requestId = order.headers().get("X-Request-Id");

    Eventually.until(() -> read(jsonApiLog).contains(requestId), Duration.ofSeconds(10));
    List<JsonObject> lines = jsonLines(jsonApiLog);
    assertThat(lines)
        .allSatisfy(
            line ->
                assertThat(line.fieldNames())
                    .contains("time", "level", "logger", "thread", "message"));
    JsonObject access =
        lines.stream()
            .filter(line -> requestId.equals(line.getString("request_id")))
            .findFirst()
            .orElseThrow();
    assertThat(access.getString("logger")).isEqualTo("dev.marketplace.api.access");
    assertThat(access.getString("method")).isEqualTo("GET");
    assertThat(access.getString("route")).isEqualTo("/api/buyers/{buyer_id}/orders/{order_id}");
    assertThat(access.getInteger("status")).isEqualTo(404);
    assertThat(access.getLong("duration_ms")).isNotNegative();
    assertThat(access.getLong("bytes")).isPositive();
  }

  @Test
  void everyNodeServesItsMetricsTheApiByOperationAndTheDomainNodeItsBusinessAndPool()
      throws Exception {
    Fixtures fixtures = new Fixtures(cluster.clients, jsonApi);
    Account seller = fixtures.seller("Metered Shop");
    long productId = fixtures.product(seller, "Counted Cup", "Home", "3.00", 10).getLong("id");
    Account buyer = fixtures.buyer("Metered Buyer");
    fixtures.pay(buyer, fixtures.order(buyer, productId, 1).getLong("id"));

    String api = scrape(cluster.httpPort);
    assertThat(api)
        .contains(
            "marketplace_operation_duration_seconds_bucket{group=\"orders\",operation=\"placeOrder\",status=\"2xx\",le=\"0.005\"}")
        .contains("marketplace_eventbus_requests_total{address=\"orders\"}")
        .contains("marketplace_eventbus_timeouts_total{address=\"orders\"}")
        .contains("marketplace_node_info{verticles=\"api\"} 1")
        .contains("marketplace_cluster_members 3");
    String domain = scrape(domainHealthPort);
    Files.writeString(domainLog.resolveSibling("domain-node-metrics.txt"), domain);
    assertThat(counter(domain, "marketplace_orders_placed_total")).isPositive();
    assertThat(counter(domain, "marketplace_payments_captured_total")).isPositive();
    assertThat(domain)
        .contains("marketplace_payments_declined_total")
        .contains("marketplace_refunds_total")
        .contains("marketplace_unpaid_orders_expired_total")
        .contains("marketplace_payment_reconciliation_backlog")
        .contains("marketplace_db_pool_connections_max 16")
        .contains("vertx_pool_queue_pending{pool_name=\"marketplace-db\",pool_type=\"sql\"}")
        .contains("jvm_gc_pause_seconds");
  }

  @Test
  void everyMetricTheDashboardAndTheAlertRulesNameIsExposed() throws Exception {
    Fixtures fixtures = new Fixtures(cluster.clients, jsonApi);
    Account seller = fixtures.seller("Charted Shop");
    long productId = fixtures.product(seller, "Charted Chair", "Home", "40.00", 10).getLong("id");
    Account buyer = fixtures.buyer("Charted Buyer");
    fixtures.pay(buyer, fixtures.order(buyer, productId, 1).getLong("id"));
    assertThat(jsonApi.get("/api/buyers/products/987654321").status()).isEqualTo(404);

    Set<String> named = new TreeSet<>();
    Path ops = Path.of("..", "ops");
    for (Path file :
        List.of(
            ops.resolve("grafana/marketplace.json"),
            ops.resolve("prometheus/alerts.rules.yml"),
            ops.resolve("prometheus/recording.rules.yml"))) {
      Matcher names = METRIC_NAME.matcher(Files.readString(file));
      while (names.find()) {
        named.add(names.group(1));
      }
    }
    Set<String> exposed = new TreeSet<>();
    for (int port : List.of(cluster.httpPort, domainHealthPort)) {
      for (String line : scrape(port).split("\n")) {
        if (!line.startsWith("#") && !line.isBlank()) {
          exposed.add(line.split("[{ ]", 2)[0]);
        }
      }
    }

    assertThat(named).as("metrics named by ops/").hasSizeGreaterThan(20);
    assertThat(exposed).containsAll(named);
  }

  /**
   * A metric name in a PromQL expression: ours, Vert.x's, the JVM's and the process's (recording
   * rules' names have colons; {@code up} is Prometheus's own).
   */
  private static final Pattern METRIC_NAME =
      Pattern.compile("(?<![\\w:])((?:marketplace|vertx|jvm|process|system)_[a-z0-9_]+)(?![\\w:])");

  /** The value of an unlabelled counter in a scrape. */
  private static double counter(String scrape, String name) {
    for (String line : scrape.split("\n")) {
      if (line.startsWith(name + " ")) {
        return Double.parseDouble(line.substring(name.length() + 1));
      }
    }
    throw new AssertionError(name + " is not exposed");
  }

  static String scrape(int port) throws Exception {
    java.net.http.HttpResponse<String> metrics =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.statusCode()).isEqualTo(200);
    return metrics.body();
  }

  /**
   * Registers, logs in (also with a wrong password), refreshes, orders and pays (with a good card
   * and with a made-up card token), sends a bearer token that is no token, and logs out; adds every
   * secret it sent to {@code secrets} and returns the request ids of its answers.
   */
  private static List<String> useEveryKindOfSecret(ApiClient api, List<String> secrets) {
    List<String> requestIds = new ArrayList<>();
    Fixtures fixtures = new Fixtures(cluster.clients, api);
    Account seller = fixtures.seller("Secretive Shop");
    long productId = fixtures.product(seller, "Locked Box", "Home", "12.00", 10).getLong("id");
    Account buyer = fixtures.buyer("Secretive Buyer");
    secrets.add(Fixtures.PASSWORD);
    secrets.addAll(List.of(seller.accessToken(), seller.refreshToken()));
    secrets.addAll(List.of(buyer.accessToken(), buyer.refreshToken()));

    String wrongPassword = "wrong-" + UUID.randomUUID();
    secrets.add(wrongPassword);
    requestIds.add(
        requestId(
            api.post(
                "/api/buyers/login",
                new JsonObject().put("email", buyer.email()).put("password", wrongPassword))));
    String tooShort = "Zq9" + UUID.randomUUID().toString().substring(0, 4);
    secrets.add(tooShort);
    requestIds.add(
        requestId(
            api.post(
                "/api/buyers/register",
                new JsonObject()
                    .put("name", "Short Password")
                    .put("email", Fixtures.uniqueEmail("short"))
                    .put("password", tooShort))));

    long paidOrder = fixtures.order(buyer, productId, 1).getLong("id");
    secrets.add("tok_success");
    requestIds.add(
        requestId(
            buyer
                .api()
                .post(
                    "/api/buyers/orders/" + paidOrder + "/payments",
                    new JsonObject()
                        .put("payment_method", "card")
                        .put("card_token", "tok_success"))));
    long declinedOrder = fixtures.order(buyer, productId, 1).getLong("id");
    String madeUpCard = "tok_" + UUID.randomUUID().toString().replace("-", "");
    secrets.add(madeUpCard);
    requestIds.add(
        requestId(
            buyer
                .api()
                .post(
                    "/api/buyers/orders/" + declinedOrder + "/payments",
                    new JsonObject().put("payment_method", "card").put("card_token", madeUpCard))));

    String notAToken = "eyJhbGciOiJub25lIn0." + UUID.randomUUID() + ".";
    secrets.add(notAToken);
    requestIds.add(
        requestId(api.withToken(notAToken).get("/api/buyers/" + buyer.id() + "/orders")));

    ApiResponse refreshed =
        api.post("/api/auth/refresh", new JsonObject().put("refresh_token", buyer.refreshToken()));
    secrets.add(refreshed.json().getString("access_token"));
    secrets.add(refreshed.json().getString("refresh_token"));
    requestIds.add(requestId(refreshed));
    requestIds.add(
        requestId(
            api.post(
                "/api/auth/logout",
                new JsonObject()
                    .put("refresh_token", refreshed.json().getString("refresh_token")))));
    return requestIds;
  }

  private static String requestId(ApiResponse response) {
    String id = response.headers().get("X-Request-Id");
    assertThat(id).as(response.toString()).isNotBlank();
    return id;
  }

  private static List<JsonObject> jsonLines(Path log) {
    List<JsonObject> lines = new ArrayList<>();
    for (String line : read(log).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        lines.add(new JsonObject(line));
      } catch (DecodeException notJson) {
        throw new AssertionError("not a JSON object: " + line, notJson);
      }
    }
    return lines;
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
