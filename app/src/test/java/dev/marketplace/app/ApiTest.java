package dev.marketplace.app;

import dev.marketplace.app.testing.RunningMarketplace;
import dev.marketplace.common.config.MarketplaceConfig;
import dev.marketplace.common.security.SigningKeys;
import dev.marketplace.common.testing.TestClock;
import dev.marketplace.common.testing.TestDatabase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the whole marketplace ({@link RunningMarketplace}) for this test class and gives the test an
 * HTTP client for it.
 */
abstract class ApiTest {

  static RunningMarketplace marketplace;
  static Vertx vertx;
  static TestDatabase database;
  static SigningKeys keys;
  static TestClock clock;
  static MarketplaceConfig config;
  static ApiClient api;
  static Fixtures fixtures;
  static String sandboxUrl;

  static final String WEBHOOK_SECRET = RunningMarketplace.WEBHOOK_SECRET;
  static final int GATEWAY_TIMEOUT_MS = RunningMarketplace.GATEWAY_TIMEOUT_MS;
  static final String SANDBOX_API_KEY = RunningMarketplace.SANDBOX_API_KEY;

  @BeforeAll
  static void startMarketplace() throws Exception {
    marketplace = RunningMarketplace.start();
    vertx = marketplace.vertx();
    database = marketplace.database();
    keys = marketplace.keys();
    clock = marketplace.clock();
    config = marketplace.config();
    sandboxUrl = marketplace.sandboxUrl();
    api = ApiClient.connect(vertx, config.httpPort());
    fixtures = new Fixtures(vertx, api);
  }

  @AfterAll
  static void stopMarketplace() throws Exception {
    marketplace.close();
  }
}
