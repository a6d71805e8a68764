package dev.marketplace.app;

import dev.marketplace.common.config.MarketplaceConfig;
import dev.marketplace.common.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the whole marketplace, as {@code java -jar} would, on a fresh database of this test class's
 * own, and gives the test an HTTP client for it.
 */
@ExtendWith(VertxExtension.class)
abstract class ApiTest {

  static TestDatabase database;
  static ApiClient api;
  static Fixtures fixtures;

  @BeforeAll
  static void startMarketplace(Vertx vertx) throws Exception {
    database = TestDatabase.create();
    int port = freePort();
    MarketplaceConfig config = MarketplaceConfig.fromEnvironment(Map.of()).withHttpPort(port);
    Marketplace.deploy(vertx, config, database.settings()).await();
    api = ApiClient.connect(vertx, port);
    fixtures = new Fixtures(api);
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    database.close();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
