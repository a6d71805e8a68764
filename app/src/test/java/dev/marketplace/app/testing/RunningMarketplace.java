package dev.marketplace.app.testing;

import dev.marketplace.api.openapi.ContractLoader;
import dev.marketplace.app.InstrumentedVertx;
import dev.marketplace.app.Marketplace;
import dev.marketplace.common.config.MarketplaceConfig;
import dev.marketplace.common.db.DatabaseSettings;
import dev.marketplace.common.security.SigningKeys;
import dev.marketplace.common.testing.LoopbackPorts;
import dev.marketplace.common.testing.TestClock;
import dev.marketplace.common.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The whole marketplace, as {@code java -jar} runs it (metrics included), on free ports and a fresh
 * database of its own, with a clock the test moves by hand. The app's own HTTP tests and the
 * clients' tests (which get it from this module's test-jar) start it the same way.
 */
public final class RunningMarketplace implements AutoCloseable {

  /** The secret gateway webhooks are signed with in tests, so that tests can sign their own. */
  public static final String WEBHOOK_SECRET = "test-webhook-secret";

  /** How long a gateway call may take in tests; the sandbox's slow card takes four times this. */
  public static final int GATEWAY_TIMEOUT_MS = 1000;

  public static final String SANDBOX_API_KEY = "test-sandbox-key";

  private final Vertx vertx;
  private final TestDatabase database;
  private final SigningKeys keys;
  private final TestClock clock;
  private final MarketplaceConfig config;
  private final String sandboxUrl;
  private final AnswerRecorder answers;

  private RunningMarketplace(
      Vertx vertx,
      TestDatabase database,
      SigningKeys keys,
      TestClock clock,
      MarketplaceConfig config,
      String sandboxUrl,
      AnswerRecorder answers) {
    this.vertx = vertx;
    this.database = database;
    this.keys = keys;
    this.clock = clock;
    this.config = config;
    this.sandboxUrl = sandboxUrl;
    this.answers = answers;
  }

  /** Starts everything; returns once the HTTP port is open. */
  public static RunningMarketplace start() throws Exception {
    return start(Map.of());
  }

  /** As {@link #start()}, with some {@code MARKETPLACE_*} settings of the test's own. */
  public static RunningMarketplace start(Map<String, String> settings) throws Exception {
    return start(settings, null);
  }

  /**
   * As {@link #start(Map)}, on a database the test made and migrated itself ({@code database}, say
   * a primary with standbys), which it also removes; null for a fresh one of the test server's.
   */
  public static RunningMarketplace start(Map<String, String> settings, DatabaseSettings database)
      throws Exception {
    // A port found free can still be taken before the server binds it, where the kernel's
    // ephemeral range leaves LoopbackPorts no room of its own: then start again, on other ports.
    for (int attempt = 1; ; attempt++) {
      try {
        return startOnce(settings, database);
      } catch (Exception failed) {
        if (!(failed instanceof BindException) || attempt == 3) {
          throw failed;
        }
      }
    }
  }

  private static RunningMarketplace startOnce(Map<String, String> settings, DatabaseSettings given)
      throws Exception {
    TestDatabase database = given == null ? TestDatabase.create() : null;
    SigningKeys keys = SigningKeys.generate();
    TestClock clock = new TestClock();
    Path dataDirectory = Files.createTempDirectory("marketplace-test-data");
    int sandboxPort = LoopbackPorts.take();
    Map<String, String> environment = new HashMap<>();
    environment.put("MARKETPLACE_SSE_HEARTBEAT_SECONDS", "1");
    environment.put("MARKETPLACE_DATA_DIR", dataDirectory.toString());
    environment.put("MARKETPLACE_SANDBOX_PORT", Integer.toString(sandboxPort));
    environment.put("MARKETPLACE_PAYMENT_API_KEY", SANDBOX_API_KEY);
    environment.put("MARKETPLACE_PAYMENT_WEBHOOK_SECRET", WEBHOOK_SECRET);
    environment.put("MARKETPLACE_PAYMENT_TIMEOUT_MS", Integer.toString(GATEWAY_TIMEOUT_MS));
    // Tests run the reconciler themselves, when they mean to.
    environment.put("MARKETPLACE_PAYMENT_RECONCILE_SECONDS", "3600");
    environment.putAll(settings);
    MarketplaceConfig config =
        MarketplaceConfig.fromEnvironment(environment).withHttpPort(LoopbackPorts.take());
    AnswerRecorder answers = new AnswerRecorder();
    Vertx vertx =
        InstrumentedVertx.builder(Marketplace.singleProcessOptions(config), true)
            .withMetrics(answers.around(new MicrometerMetricsFactory()))
            .build();
    try {
      Marketplace.deploy(vertx, config, given == null ? database.settings() : given, keys, clock)
          .await();
    } catch (Exception failed) {
      vertx.close().await();
      if (database != null) {
        database.close();
      }
      throw failed;
    }
    return new RunningMarketplace(
        vertx, database, keys, clock, config, "http://127.0.0.1:" + sandboxPort, answers);
  }

  public Vertx vertx() {
    return vertx;
  }

  /** The test database it made; not there when the test gave it one. */
  public TestDatabase database() {
    if (database == null) {
      throw new IllegalStateException("This marketplace runs on the test's own database");
    }
    return database;
  }

  public SigningKeys keys() {
    return keys;
  }

  public TestClock clock() {
    return clock;
  }

  public MarketplaceConfig config() {
    return config;
  }

  public int httpPort() {
    return config.httpPort();
  }

  /** Where the API answers, e.g. {@code http://127.0.0.1:41234}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + config.httpPort();
  }

  public String sandboxUrl() {
    return sandboxUrl;
  }

  /**
   * Stops everything, then fails if the server gave any answer the contract does not document: the
   * whole traffic of the tests that used it, whatever their client, is checked.
   */
  @Override
  public void close() throws Exception {
    List<String> undocumented;
    try {
      undocumented = undocumentedAnswers();
    } finally {
      vertx.close().await();
      if (database != null) {
        database.close();
      }
    }
    if (!undocumented.isEmpty()) {
      throw new AssertionError(
          "The server gave answers the contract does not document:\n  "
              + String.join("\n  ", undocumented));
    }
  }

  /**
   * Every answer of the API so far that its operation does not document, once per kind; also writes
   * how often each operation answered each status to target/contract-answers/.
   */
  private List<String> undocumentedAnswers() throws IOException {
    OpenAPIContract contract = ContractLoader.load(vertx).await();
    ContractStatuses statuses = new ContractStatuses(contract);
    Set<String> undocumented = new TreeSet<>();
    Map<String, Integer> tally = new TreeMap<>();
    for (AnswerRecorder.Answer answer : answers.answers()) {
      if (answer.port() != config.httpPort()) {
        continue;
      }
      String problem = statuses.undocumented(answer.method(), answer.target(), answer.status());
      if (problem != null) {
        undocumented.add(problem);
      }
      Operation operation =
          contract.findOperation(ContractStatuses.pathOf(answer.target()), answer.method());
      String name = operation == null ? "(no operation)" : operation.getOperationId();
      tally.merge(name + "\t" + answer.status(), 1, Integer::sum);
    }
    Path folder = Path.of("target", "contract-answers");
    Files.createDirectories(folder);
    StringBuilder report = new StringBuilder("operation\tstatus\tanswers\n");
    tally.forEach((key, count) -> report.append(key).append('\t').append(count).append('\n'));
    Files.writeString(
        folder.resolve("port-" + config.httpPort() + "-" + System.nanoTime() + ".tsv"),
        report.toString());
    return List.copyOf(undocumented);
  }
}
