package dev.marketplace.seller;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.marketplace.client.ServerUrl;
import dev.marketplace.client.auth.CredentialStore;
import dev.marketplace.client.auth.Role;
import dev.marketplace.client.auth.Session;
import dev.marketplace.seller.command.Environment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The training run the build makes the launcher's ahead-of-time cache from (JDK 25's {@code
 * -XX:AOTCacheOutput}): the commands people run most, so that the classes they load and link are in
 * the cache. No server runs during the build, so the calls go to a port where nothing answers,
 * which still loads the HTTP client, the session store and the failure paths. They run first
 * without a session (the "sign in" and "nothing answers there" paths), then again with one stored
 * for that server, as a person's commands run: reading the session, and authenticated calls. Last,
 * {@code whoami} runs against a stand-in server on loopback that answers, for the classes of an
 * answer read.
 */
public final class AotTraining {

  private AotTraining() {}

  public static void main(String[] args) throws IOException {
    String nowhere = "http://127.0.0.1:" + freePort();
    Map<String, String> variables =
        Map.of(
            "XDG_CONFIG_HOME",
            Files.createTempDirectory("aot-training").toString(),
            "MARKETPLACE_URL",
            nowhere);
    List<List<String>> commands =
        List.of(
            List.of("--help"),
            List.of("products", "--help"),
            List.of("products", "import", "--help"),
            List.of("orders", "watch", "--help"),
            List.of("whoami"),
            List.of("whoami", "-o", "json"),
            List.of("products", "list"),
            List.of("orders", "list", "--status", "shipped"),
            List.of("analytics", "--tz", "Mars/Olympus"),
            List.of("prodcts"),
            List.of(
                "products",
                "add",
                "--name",
                "Lamp",
                "--category",
                "Home",
                "--price",
                "12,50",
                "--stock",
                "1"));
    train(variables, commands);
    signIn(variables, nowhere);
    train(variables, commands);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", AotTraining::answer);
    server.start();
    try {
      String standIn = "http://127.0.0.1:" + server.getAddress().getPort();
      signIn(variables, standIn);
      train(
          variables,
          List.of(
              List.of("--server", standIn, "whoami"),
              List.of("--server", standIn, "whoami", "-o", "json")));
    } finally {
      server.stop(0);
    }
  }

  private static void signIn(Map<String, String> variables, String server) {
    CredentialStore.defaultLocation(variables)
        .save(
            ServerUrl.normalize(server),
            Role.SELLER,
            new Session(
                1,
                "Training",
                "training@example.com",
                "seller",
                "access",
                "refresh",
                Instant.now().plus(Duration.ofHours(1))));
  }

  /** The stand-in server: an empty page of products, which is what whoami asks for. */
  private static void answer(HttpExchange exchange) throws IOException {
    byte[] body = "{\"products\":[]}".getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (var out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void train(Map<String, String> variables, List<List<String>> commands) {
    for (List<String> command : commands) {
      Environment environment =
          new Environment(
              variables,
              new ByteArrayInputStream(new byte[0]),
              new PrintWriter(new StringWriter()),
              new PrintWriter(new StringWriter()),
              prompt -> null,
              ZoneId.systemDefault(),
              false);
      SellerCli.run(environment, command.toArray(String[]::new));
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
