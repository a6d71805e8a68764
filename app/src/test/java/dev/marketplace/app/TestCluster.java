package dev.marketplace.app;

import dev.marketplace.common.config.MarketplaceConfig;
import dev.marketplace.common.security.SigningKeys;
import dev.marketplace.common.testing.LoopbackPorts;
import dev.marketplace.common.testing.TestClock;
import dev.marketplace.common.testing.TestDatabase;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A marketplace cluster on loopback for tests: one fresh database, one key pair, one clock, and
 * nodes started on demand, each with the verticles it is told, either as a clustered Vert.x
 * instance in this JVM or as a separate {@code java} process running the real launcher. Every node
 * lists every cluster port handed out so far, so a newcomer finds the others.
 */
final class TestCluster implements AutoCloseable {

  static final String API_KEY = "cluster-sandbox-key";
  static final String WEBHOOK_SECRET = "cluster-webhook-secret";

  final TestDatabase database;
  final SigningKeys keys = SigningKeys.generate();
  final TestClock clock = new TestClock();
  final int httpPort;
  final int sandboxPort;

  /** A plain Vert.x for the test's HTTP clients, so that they are no node's load. */
  final Vertx clients = Vertx.vertx();

  private final String name = "marketplace-test-" + UUID.randomUUID();
  private final List<Integer> clusterPorts = new CopyOnWriteArrayList<>();
  private final List<MarketplaceNode> nodes = new CopyOnWriteArrayList<>();
  private final List<Process> processes = new CopyOnWriteArrayList<>();
  private final Path dataDirectory;

  private TestCluster() throws Exception {
    database = TestDatabase.create();
    httpPort = LoopbackPorts.take();
    sandboxPort = LoopbackPorts.take();
    dataDirectory = Files.createTempDirectory("marketplace-cluster-test");
  }

  static TestCluster create() throws Exception {
    return new TestCluster();
  }

  /** The variables a node running {@code verticles} is started with, as an operator would. */
  Map<String, String> environment(String verticles, int clusterPort, int nodeHttpPort) {
    clusterPorts.add(clusterPort);
    List<String> members = new ArrayList<>();
    clusterPorts.forEach(port -> members.add("127.0.0.1:" + port));
    Map<String, String> env = new HashMap<>();
    env.put("MARKETPLACE_CLUSTER", "true");
    env.put("MARKETPLACE_CLUSTER_NAME", name);
    env.put("MARKETPLACE_CLUSTER_HOST", "127.0.0.1");
    env.put("MARKETPLACE_CLUSTER_PORT", Integer.toString(clusterPort));
    env.put("MARKETPLACE_CLUSTER_MEMBERS", String.join(",", members));
    env.put("MARKETPLACE_VERTICLES", verticles);
    env.put("MARKETPLACE_VERTICLE_INSTANCES", "2");
    env.put("MARKETPLACE_HTTP_PORT", Integer.toString(nodeHttpPort));
    env.put("MARKETPLACE_DATA_DIR", dataDirectory.toString());
    env.put("MARKETPLACE_METRICS_ENABLED", "false");
    env.put("MARKETPLACE_SSE_HEARTBEAT_SECONDS", "1");
    env.put("MARKETPLACE_SANDBOX_PORT", Integer.toString(sandboxPort));
    env.put(
        "MARKETPLACE_SANDBOX_WEBHOOK_URL",
        "http://127.0.0.1:" + httpPort + "/api/payments/webhooks/sandbox");
    env.put("MARKETPLACE_PAYMENT_API_KEY", API_KEY);
    env.put("MARKETPLACE_PAYMENT_WEBHOOK_SECRET", WEBHOOK_SECRET);
    env.put("MARKETPLACE_PAYMENT_TIMEOUT_MS", "1000");
    // Tests run the timers' work themselves, when they mean to.
    env.put("MARKETPLACE_PAYMENT_RECONCILE_SECONDS", "3600");
    env.put("MARKETPLACE_ORDER_SWEEP_SECONDS", "3600");
    if (!verticles.contains("sandbox") && verticles.contains("payment")) {
      env.put("MARKETPLACE_PAYMENT_GATEWAY_URL", sandboxUrl());
    }
    return env;
  }

  /** Starts a node in this JVM running {@code verticles}, its api (if any) on the main port. */
  MarketplaceNode start(String verticles) throws IOException {
    return start(verticles, httpPort);
  }

  MarketplaceNode start(String verticles, int nodeHttpPort) throws IOException {
    return start(verticles, nodeHttpPort, Map.of());
  }

  /** As {@link #start(String, int)}, with {@code extra} variables on top. */
  MarketplaceNode start(String verticles, int nodeHttpPort, Map<String, String> extra)
      throws IOException {
    Map<String, String> env = environment(verticles, LoopbackPorts.take(), nodeHttpPort);
    env.putAll(extra);
    MarketplaceConfig config = MarketplaceConfig.fromEnvironment(env);
    MarketplaceNode node = MarketplaceNode.start(config, database.settings(), keys, clock).await();
    nodes.add(node);
    return node;
  }

  /**
   * Starts a node as its own {@code java} process with the launcher's {@code main}, as {@code java
   * -jar marketplace.jar} would, and waits until its health port says it is ready.
   */
  Process startProcess(String verticles, Path log) throws Exception {
    return startProcess(verticles, log, httpPort, LoopbackPorts.take(), Map.of());
  }

  /**
   * As {@link #startProcess(String, Path)}, its api (if any) on {@code nodeHttpPort}, its health
   * (if it runs no api) on {@code healthPort}, with {@code extra} variables on top.
   */
  Process startProcess(
      String verticles, Path log, int nodeHttpPort, int healthPort, Map<String, String> extra)
      throws Exception {
    Path keyFolder = Files.createTempDirectory(dataDirectory, "keys");
    Path privateKey = Files.writeString(keyFolder.resolve("private.pem"), keys.privateKeyPem());
    Path publicKey = Files.writeString(keyFolder.resolve("public.pem"), keys.publicKeyPem());
    Map<String, String> env = environment(verticles, LoopbackPorts.take(), nodeHttpPort);
    env.put("MARKETPLACE_HEALTH_PORT", Integer.toString(healthPort));
    env.put("MARKETPLACE_DB_URL", database.settings().uri());
    env.put("MARKETPLACE_JWT_PRIVATE_KEY_FILE", privateKey.toString());
    env.put("MARKETPLACE_JWT_PUBLIC_KEY_FILE", publicKey.toString());
    env.putAll(extra);
    int probePort = verticles.contains("api") ? nodeHttpPort : healthPort;
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                // What java -jar marketplace.jar gets from the jar's manifest and the docs' command
                // line: Hazelcast's access to the JDK's internals, without warnings.
                "-XX:+IgnoreUnrecognizedVMOptions",
                "--sun-misc-unsafe-memory-access=allow",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.management/sun.management=ALL-UNNAMED",
                "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED",
                "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                MarketplaceApplication.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    Process process = builder.start();
    processes.add(process);
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("the node exited:\n" + Files.readString(log));
      }
      try {
        HttpResponse<String> ready =
            http.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + probePort + "/health/ready"))
                    .timeout(Duration.ofSeconds(3))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (ready.statusCode() == 200) {
          return process;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(200);
    }
    process.destroyForcibly();
    throw new AssertionError("the node did not get ready:\n" + Files.readString(log));
  }

  String sandboxUrl() {
    return "http://127.0.0.1:" + sandboxPort;
  }

  @Override
  public void close() throws Exception {
    for (Process process : processes) {
      process.destroyForcibly().waitFor();
    }
    for (MarketplaceNode node : nodes) {
      try {
        node.stop().await();
      } catch (RuntimeException alreadyStopped) {
        // A test stopped it on purpose.
      }
    }
    clients.close().await();
    database.close();
  }
}
