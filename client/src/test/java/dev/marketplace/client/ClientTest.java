package dev.marketplace.client;

import dev.marketplace.app.testing.ContractCheck;
import dev.marketplace.app.testing.RunningMarketplace;
import dev.marketplace.client.auth.CredentialStore;
import dev.marketplace.client.auth.Role;
import dev.marketplace.client.http.Exchange;
import dev.marketplace.client.testing.TestAccounts;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the whole marketplace for a test class and makes clients of it whose every answer is checked
 * against the contract: a client and a server that drift apart fail here.
 */
abstract class ClientTest {

  static RunningMarketplace marketplace;
  static ContractCheck contract;
  static Path configHome;
  static final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startMarketplace() throws Exception {
    marketplace = RunningMarketplace.start();
    contract = ContractCheck.load(marketplace.vertx());
    configHome = Files.createTempDirectory("client-test-config");
  }

  @AfterAll
  static void stopMarketplace() throws Exception {
    marketplace.close();
  }

  /** A credentials file of its own, as another user's computer would have. */
  static CredentialStore newStore() {
    return CredentialStore.at(
        configHome.resolve(UUID.randomUUID().toString()).resolve("credentials.json"));
  }

  static MarketplaceClient client(Role role, CredentialStore store) {
    return client(role, store, marketplace.baseUrl());
  }

  static MarketplaceClient client(Role role, CredentialStore store, String url) {
    return MarketplaceClient.builder(ServerUrl.normalize(url))
        .role(role)
        .credentials(store)
        .exchangeListener(ClientTest::checkAgainstContract)
        .build();
  }

  /** A newly registered and signed-in account of {@code role}, with a store of its own. */
  static MarketplaceClient signedIn(Role role, String name) {
    return signedIn(role, name, newStore());
  }

  /** A newly registered account of {@code role}, signed in with {@code store}. */
  static MarketplaceClient signedIn(Role role, String name, CredentialStore store) {
    return TestAccounts.signUp(client(role, store), name);
  }

  private static void checkAgainstContract(Exchange exchange) {
    exchanges.add(exchange);
    String type = exchange.responseHeader("content-type");
    if (exchange.status() == 0 || (type != null && !type.startsWith("application/json"))) {
      return;
    }
    contract.verify(
        HttpMethod.valueOf(exchange.method()),
        exchange.uri().getRawPath(),
        exchange.status(),
        type,
        exchange.responseBody() == null ? null : Buffer.buffer(exchange.responseBody()));
  }
}
