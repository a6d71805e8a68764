package dev.marketplace.app;

import dev.marketplace.common.config.MarketplaceConfig;
import dev.marketplace.common.security.SigningKeys;
import dev.marketplace.common.testing.TestClock;
import dev.marketplace.common.testing.TestDatabase;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the whole marketplace, as {@code java -jar} would (metrics included), on a fresh database of
 * this test class's own, with a clock the test moves by hand, and gives the test an HTTP client for
 * it.
 */
abstract class ApiTest {

  static Vertx vertx;
  static TestDatabase database;
  static SigningKeys keys;
  static TestClock clock;
  static MarketplaceConfig config;
  static ApiClient api;
  static Fixtures fixtures;
  static String sandboxUrl;

  /** The secret gateway webhooks are signed with in tests, so that tests can sign their own. */
  static final String WEBHOOK_SECRET = "test-webhook-secret";

  /** How long a gateway call may take in tests; the sandbox's slow card takes four times this. */
  static final int GATEWAY_TIMEOUT_MS = 1000;

  static final String SANDBOX_API_KEY = "test-sandbox-key";

  @BeforeAll
  static void startMarketplace() throws Exception {
    vertx = InstrumentedVertx.create(true);
    database = TestDatabase.create();
    keys = SigningKeys.generate();
    clock = new TestClock();
    Path dataDirectory = Files.createTempDirectory("marketplace-test-data");
    int sandboxPort = freePort();
    config =
        MarketplaceConfig.fromEnvironment(
                Map.of(
                    "MARKETPLACE_SSE_HEARTBEAT_SECONDS",
                    "1",
                    "MARKETPLACE_DATA_DIR",
                    dataDirectory.toString(),
                    "MARKETPLACE_SANDBOX_PORT",
                    Integer.toString(sandboxPort),
                    "MARKETPLACE_PAYMENT_API_KEY",
                    SANDBOX_API_KEY,
                    "MARKETPLACE_PAYMENT_WEBHOOK_SECRET",
                    WEBHOOK_SECRET,
                    "MARKETPLACE_PAYMENT_TIMEOUT_MS",
                    Integer.toString(GATEWAY_TIMEOUT_MS),
                    // Tests run the reconciler themselves, when they mean to.
                    "MARKETPLACE_PAYMENT_RECONCILE_SECONDS",
                    "3600"))
            .withHttpPort(freePort());
    sandboxUrl = "http://127.0.0.1:" + sandboxPort;
    Marketplace.deploy(vertx, config, database.settings(), keys, clock).await();
    api = ApiClient.connect(vertx, config.httpPort());
    fixtures = new Fixtures(vertx, api);
  }

  @AfterAll
  static void stopMarketplace() throws Exception {
    vertx.close().await();
    database.close();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
