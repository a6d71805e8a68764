package dev.marketplace.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.client.auth.CredentialStore;
import dev.marketplace.client.failure.ServerUnreachableException;
import dev.marketplace.client.model.CatalogQuery;
import dev.marketplace.common.testing.LoopbackPorts;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a client says when nothing answers, or nothing answers in time. */
class UnreachableServerTest {

  @Test
  void nothingListeningIsUnreachableNotAFailureOfTheServer() throws Exception {
    URI nowhere = URI.create("http://127.0.0.1:" + LoopbackPorts.take());
    MarketplaceClient client = client(nowhere, Duration.ofSeconds(5));

    assertThatThrownBy(() -> client.catalog().categories())
        .isInstanceOf(ServerUnreachableException.class)
        .hasMessage("Cannot reach the marketplace at " + nowhere + ": nothing answers there.");
  }

  @Test
  void aServerThatNeverAnswersTimesOut() throws Exception {
    try (ServerSocket silent = new ServerSocket(0)) {
      URI server = URI.create("http://127.0.0.1:" + silent.getLocalPort());
      MarketplaceClient client = client(server, Duration.ofMillis(300));

      assertThatThrownBy(() -> client.catalog().browse(CatalogQuery.all()))
          .isInstanceOf(ServerUnreachableException.class)
          .hasMessageContaining("did not answer within");
    }
  }

  @Test
  void serverUrlsAreNormalisedFromOptionEnvironmentOrDefault() {
    assertThat(ServerUrl.resolve(null, java.util.Map.of())).hasToString("http://localhost:8080");
    assertThat(ServerUrl.resolve(" ", java.util.Map.of("MARKETPLACE_URL", "Shop.Example:9000/")))
        .hasToString("http://shop.example:9000");
    assertThat(
            ServerUrl.resolve("https://x.example/api/", java.util.Map.of("MARKETPLACE_URL", "y")))
        .hasToString("https://x.example:443/api");
    assertThatThrownBy(() -> ServerUrl.normalize("ftp://x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ServerUrl.normalize("http://x?q=1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static MarketplaceClient client(URI server, Duration timeout) throws Exception {
    return MarketplaceClient.builder(server)
        .credentials(CredentialStore.at(Files.createTempDirectory("nowhere").resolve("c.json")))
        .requestTimeout(timeout)
        .build();
  }
}
