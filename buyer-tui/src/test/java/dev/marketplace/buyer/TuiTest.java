package dev.marketplace.buyer;

import static dev.marketplace.client.testing.TestProducts.product;

import dev.marketplace.app.testing.RunningMarketplace;
import dev.marketplace.client.MarketplaceClient;
import dev.marketplace.client.ServerUrl;
import dev.marketplace.client.auth.CredentialStore;
import dev.marketplace.client.auth.Role;
import dev.marketplace.client.model.Product;
import dev.marketplace.client.testing.TestAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Runs the whole marketplace for a test class, with two sellers and a few products. */
abstract class TuiTest {

  static RunningMarketplace marketplace;
  static Path configHome;
  static MarketplaceClient gadgetHut;
  static MarketplaceClient homeGoods;
  static Product headphones;
  static Product charger;
  static Product keyboard;
  static Product lamp;
  static Product mug;

  @BeforeAll
  static void startMarketplace() throws Exception {
    marketplace = RunningMarketplace.start();
    configHome = Files.createTempDirectory("buyer-tui-test");
    gadgetHut = signedIn(Role.SELLER, "Gadget Hut", marketplace.baseUrl());
    homeGoods = signedIn(Role.SELLER, "Home Goods", marketplace.baseUrl());
    headphones = product(gadgetHut, "Wireless Headphones", "Electronics", "79.99", 12);
    charger = product(gadgetHut, "USB-C Charger", "Electronics", "24.50", 40);
    keyboard = product(gadgetHut, "Mechanical Keyboard", "Electronics", "89.00", 0);
    lamp = product(homeGoods, "Desk Lamp", "Home", "34.90", 8);
    mug = product(homeGoods, "Ceramic Mug", "Kitchen", "9.50", 100);
  }

  @AfterAll
  static void stopMarketplace() throws Exception {
    marketplace.close();
  }

  /** A buyer's client as the TUI makes it: its own credentials file, nobody signed in. */
  static MarketplaceClient newBuyer(String url) {
    return client(Role.BUYER, url);
  }

  static MarketplaceClient client(Role role, String url) {
    CredentialStore store =
        CredentialStore.at(
            configHome.resolve(UUID.randomUUID().toString()).resolve("credentials.json"));
    return MarketplaceClient.builder(ServerUrl.normalize(url))
        .role(role)
        .credentials(store)
        .build();
  }

  /** A newly registered and signed-in account. */
  static MarketplaceClient signedIn(Role role, String name, String url) {
    return TestAccounts.signUp(client(role, url), name);
  }
}
