package dev.marketplace.app;

import dev.marketplace.app.testing.RunningMarketplace;
import dev.marketplace.common.config.MarketplaceConfig;
import dev.marketplace.common.security.SigningKeys;
import dev.marketplace.common.testing.TestClock;
import dev.marketplace.common.testing.TestDatabase;
import io.vertx.core.Vertx;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;

/**
 * Runs the whole marketplace ({@link RunningMarketplace}) for this test class, with the class's
 * {@link ServerSettings} if it has any, and gives the test an HTTP client for it.
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
  static void startMarketplace(TestInfo test) throws Exception {
    marketplace = RunningMarketplace.start(settingsOf(test.getTestClass().orElseThrow()));
    vertx = marketplace.vertx();
    database = marketplace.database();
    keys = marketplace.keys();
    clock = marketplace.clock();
    config = marketplace.config();
    sandboxUrl = marketplace.sandboxUrl();
    api = ApiClient.connect(vertx, config.httpPort());
    fixtures = new Fixtures(vertx, api);
  }

  private static Map<String, String> settingsOf(Class<?> testClass) {
    ServerSettings settings = testClass.getAnnotation(ServerSettings.class);
    return settings == null
        ? Map.of()
        : Arrays.stream(settings.value())
            .map(setting -> setting.split("=", 2))
            .collect(Collectors.toMap(setting -> setting[0], setting -> setting[1]));
  }

  @AfterAll
  static void stopMarketplace() throws Exception {
    marketplace.close();
  }
}
