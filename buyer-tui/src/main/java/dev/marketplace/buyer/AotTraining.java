package dev.marketplace.buyer;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.marketplace.buyer.ui.Theme;
import dev.marketplace.client.MarketplaceClient;
import dev.marketplace.client.auth.CredentialStore;
import dev.marketplace.client.auth.Role;
import dev.marketplace.client.http.Json;
import dev.marketplace.client.model.Category;
import dev.marketplace.client.model.Product;
import dev.marketplace.client.model.Rating;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The training run the build makes the launcher's ahead-of-time cache from (JDK 25's {@code
 * -XX:AOTCacheOutput}): the app as a person first sees it, the catalog of a marketplace on an 80x24
 * terminal, then a product's page, so that what those load (Lanterna's screen, the HTTP client,
 * JSON, the views) is in the cache, linked and profiled. No server runs during the build: a
 * stand-in on a free loopback port answers the catalog and the product with the client's own JSON
 * mapping, and everything else with 404, which trains the error path too.
 */
public final class AotTraining {

  private static final String NAME = "Training lamp";

  private AotTraining() {}

  public static void main(String[] args) throws Exception {
    new CommandLine(new BuyerTuiCommand())
        .setOut(new PrintWriter(new StringWriter()))
        .execute("--help");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", AotTraining::answer);
    server.start();
    try {
      MarketplaceClient client =
          MarketplaceClient.builder(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
              .role(Role.BUYER)
              .credentials(
                  CredentialStore.defaultLocation(
                      Map.of(
                          "XDG_CONFIG_HOME", Files.createTempDirectory("aot-training").toString())))
              .build();
      browse(client);
    } finally {
      server.stop(0);
    }
  }

  private static void browse(MarketplaceClient client) throws Exception {
    DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(80, 24));
    TerminalScreen screen = new TerminalScreen(terminal);
    screen.startScreen();
    Thread app =
        Thread.ofPlatform()
            .name("aot-training-tui")
            .start(
                () -> {
                  try {
                    new BuyerApp(screen, Theme.forEnvironment(Map.of(), false), client).run();
                    screen.stopScreen();
                  } catch (IOException e) {
                    throw new IllegalStateException(e);
                  }
                });
    awaitText(terminal, NAME);
    terminal.addInput(new KeyStroke(KeyType.Enter));
    awaitText(terminal, "Training description");
    terminal.addInput(new KeyStroke('c', true, false));
    app.join(10_000);
  }

  /**
   * Waits for text to show. A screen that never shows it fails the build: the cache would be
   * trained on an error screen, and the launcher slower, with nobody told.
   */
  private static void awaitText(DefaultVirtualTerminal terminal, String text)
      throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!shows(terminal, text)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the training run never showed \"" + text + "\"");
      }
      Thread.sleep(10);
    }
  }

  private static boolean shows(DefaultVirtualTerminal terminal, String text) {
    TerminalSize size = terminal.getTerminalSize();
    for (int row = 0; row < size.getRows(); row++) {
      StringBuilder line = new StringBuilder();
      for (int column = 0; column < size.getColumns(); column++) {
        TextCharacter cell = terminal.getCharacter(column, row);
        line.append(cell == null ? " " : cell.getCharacterString());
      }
      if (line.indexOf(text) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    Object body;
    int status = 200;
    if (path.equals("/api/categories")) {
      body = Map.of("categories", List.of(new Category("Home", 1)));
    } else if (path.equals("/api/buyers/products")) {
      body = Map.of("products", List.of(product(null)));
    } else if (path.equals("/api/buyers/products/1")) {
      body = product(new Rating(new BigDecimal("4.5"), 2, Map.of(4, 1, 5, 1)));
    } else {
      status = 404;
      body = Map.of("error", "not_found", "message", "No such page in the training run.");
    }
    byte[] bytes = Json.mapper().writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Product product(Rating rating) {
    Instant now = Instant.now();
    return new Product(
        1,
        1,
        "Training shop",
        "TRAIN-1",
        NAME,
        "Home",
        "Training description",
        new BigDecimal("12.50"),
        3,
        true,
        rating == null ? null : rating.average(),
        rating == null ? null : rating.count(),
        now,
        now,
        rating,
        rating == null ? null : List.of());
  }
}
