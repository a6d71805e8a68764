package dev.marketplace.chaos;

import dev.marketplace.common.security.SigningKeys;
import dev.marketplace.common.testing.LoopbackPorts;
import dev.marketplace.common.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The cluster of the issue on this machine: an api node, an account and catalog node, two order and
 * payment nodes, and the sandbox gateway, each a process of the real jar on a loopback address of
 * its own (127.0.0.x, x ≥ 2), on one fresh database. A sixth node, a second account and catalog
 * node, is started only to stand in for the first while it restarts, as a rolling update with a
 * surge does. Closing it ends every process and removes every network rule, and a shutdown hook
 * does the same if the JVM exits first; a JVM killed with -9 takes its nodes with it ({@link
 * Node#spawn}), and the next run removes its rules.
 */
final class ChaosCluster implements AutoCloseable {

  static final String API_KEY = "chaos-sandbox-key";
  static final String WEBHOOK_SECRET = "chaos-webhook-secret";

  /** What the nodes are told a request may take before it answers 504. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  final TestDatabase database;
  final Node api;
  final Node core;
  final Node orders1;
  final Node orders2;
  final Node sandbox;

  /** Runs what {@link #core} runs, started only while the core node restarts. */
  final Node coreSurge;

  /** Every node, the surge included. */
  final List<Node> nodes;

  final Network network;

  /** The nodes' keys and data directory, deleted at the end. */
  private final Path data;

  private final Thread hook = new Thread(this::tearDown, "chaos-tear-down");

  private ChaosCluster(Path jar, Path out) throws Exception {
    database = TestDatabase.create();
    Files.createDirectories(out);
    data = Files.createTempDirectory("marketplace-chaos");
    SigningKeys keys = SigningKeys.generate();
    Path privateKey = Files.writeString(data.resolve("private.pem"), keys.privateKeyPem());
    Path publicKey = Files.writeString(data.resolve("public.pem"), keys.publicKeyPem());

    // Six addresses of our own: others' tests use loopback too, with their own addresses.
    int first = 2 + (int) (ProcessHandle.current().pid() % 200) / 6 * 6;
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      addresses.add("127.0.0." + (first + i));
    }
    List<String> names = List.of("api", "core", "orders1", "orders2", "sandbox", "core-surge");
    List<String> verticles =
        List.of(
            "api",
            "account,catalog",
            "order,payment",
            "order,payment",
            "sandbox",
            "account,catalog");
    Map<String, int[]> ports = new LinkedHashMap<>();
    for (int i = 0; i < 6; i++) {
      ports.put(
          names.get(i),
          new int[] {LoopbackPorts.take(), LoopbackPorts.take(), LoopbackPorts.take()});
    }
    String members =
        ports.entrySet().stream()
            .map(e -> addresses.get(names.indexOf(e.getKey())) + ":" + e.getValue()[0])
            .collect(Collectors.joining(","));
    String apiUrl = "http://" + addresses.get(0) + ":" + ports.get("api")[2];
    String sandboxUrl = "http://" + addresses.get(4) + ":" + ports.get("sandbox")[2];
    String clusterName = "chaos-" + UUID.randomUUID();

    List<Node> made = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String name = names.get(i);
      int[] port = ports.get(name);
      Map<String, String> env = new HashMap<>();
      env.put("MARKETPLACE_CLUSTER", "true");
      env.put("MARKETPLACE_CLUSTER_NAME", clusterName);
      env.put("MARKETPLACE_CLUSTER_HOST", addresses.get(i));
      env.put("MARKETPLACE_CLUSTER_PORT", Integer.toString(port[0]));
      env.put("MARKETPLACE_CLUSTER_BUS_PORT", Integer.toString(port[1]));
      env.put("MARKETPLACE_CLUSTER_MEMBERS", members);
      env.put("MARKETPLACE_VERTICLES", verticles.get(i));
      env.put("MARKETPLACE_VERTICLE_INSTANCES", "1");
      env.put("MARKETPLACE_DB_URL", database.settings().uri());
      env.put("MARKETPLACE_DB_POOL_SIZE", "4");
      env.put("MARKETPLACE_REQUEST_TIMEOUT_MS", Long.toString(REQUEST_TIMEOUT.toMillis()));
      env.put("MARKETPLACE_JWT_PRIVATE_KEY_FILE", privateKey.toString());
      env.put("MARKETPLACE_JWT_PUBLIC_KEY_FILE", publicKey.toString());
      env.put("MARKETPLACE_ACCESS_TOKEN_MINUTES", "600");
      env.put("MARKETPLACE_DATA_DIR", data.toString());
      // Each node's /metrics says how many members it sees: the suite waits for a whole cluster.
      env.put("MARKETPLACE_METRICS_ENABLED", "true");
      env.put("MARKETPLACE_SSE_HEARTBEAT_SECONDS", "2");
      env.put("MARKETPLACE_SHUTDOWN_GRACE_SECONDS", "5");
      env.put("MARKETPLACE_PAYMENT_API_KEY", API_KEY);
      env.put("MARKETPLACE_PAYMENT_WEBHOOK_SECRET", WEBHOOK_SECRET);
      env.put("MARKETPLACE_PAYMENT_TIMEOUT_MS", "1500");
      // The periodic jobs run often, on both order/payment nodes, through every fault.
      env.put("MARKETPLACE_PAYMENT_RECONCILE_SECONDS", "5");
      env.put("MARKETPLACE_ORDER_SWEEP_SECONDS", "5");
      env.put("MARKETPLACE_UNPAID_ORDER_MINUTES", "1");
      switch (name) {
        case "api" -> {
          env.put("MARKETPLACE_HTTP_PORT", Integer.toString(port[2]));
          // A line per request in api.log, to read each answer beside the nodes' logs.
          env.put("MARKETPLACE_ACCESS_LOG", "true");
        }
        case "sandbox" -> {
          env.put("MARKETPLACE_SANDBOX_HOST", addresses.get(i));
          env.put("MARKETPLACE_SANDBOX_PORT", Integer.toString(port[2]));
          env.put("MARKETPLACE_SANDBOX_WEBHOOK_URL", apiUrl + "/api/payments/webhooks/sandbox");
        }
        default -> {
          env.put("MARKETPLACE_HEALTH_PORT", Integer.toString(port[2]));
          if (verticles.get(i).contains("payment")) {
            env.put("MARKETPLACE_PAYMENT_GATEWAY_URL", sandboxUrl);
          }
        }
      }
      made.add(
          new Node(
              name,
              verticles.get(i),
              addresses.get(i),
              port[0],
              port[1],
              port[2],
              env,
              jar,
              out.resolve(name + ".log")));
    }
    nodes = List.copyOf(made);
    api = made.get(0);
    core = made.get(1);
    orders1 = made.get(2);
    orders2 = made.get(3);
    sandbox = made.get(4);
    coreSurge = made.get(5);
    List<Integer> clusterPorts = new ArrayList<>();
    for (Node node : nodes) {
      clusterPorts.add(node.clusterPort);
      clusterPorts.add(node.busPort);
    }
    network = new Network(clusterPorts);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Starts every node but the surge at once and waits until each is ready. */
  static ChaosCluster start(Path jar, Path out) throws Exception {
    Network.removeOrphans();
    ChaosCluster cluster = new ChaosCluster(jar, out);
    List<Node> first = cluster.nodes.stream().filter(node -> node != cluster.coreSurge).toList();
    try {
      for (Node node : first) {
        node.start();
      }
      var waiting = Executors.newVirtualThreadPerTaskExecutor();
      List<Future<?>> ready = new ArrayList<>();
      for (Node node : first) {
        ready.add(
            waiting.submit(
                () -> {
                  node.awaitReady(Duration.ofSeconds(180));
                  return null;
                }));
      }
      for (Future<?> one : ready) {
        one.get();
      }
      return cluster;
    } catch (Exception e) {
      try {
        cluster.close();
      } catch (Exception alsoFailed) {
        e.addSuppressed(alsoFailed);
      }
      throw e;
    }
  }

  /** Starts {@code node} (again, as it was) and waits until it is ready. */
  void restart(Node node) throws Exception {
    node.start();
    node.awaitReady(Duration.ofSeconds(120));
  }

  private void tearDown() {
    for (Node node : nodes) {
      node.destroy();
    }
    network.close();
    try (var files = Files.walk(data)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      System.err.println("chaos: could not delete " + data + ": " + e);
    }
  }

  /**
   * Ends every node, removes every rule and the data directory, whether the run passed or failed,
   * then checks that nothing is left: a leftover fails the run (added to its failure, if it
   * failed).
   */
  @Override
  public void close() throws Exception {
    tearDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or ran.
    }
    List<String> left = new ArrayList<>(network.leftovers());
    for (Node node : nodes) {
      if (node.alive()) {
        left.add(node + " still running");
      }
    }
    if (Files.exists(data)) {
      left.add(data.toString());
    }
    database.close();
    if (!left.isEmpty()) {
      throw new IllegalStateException("left behind after the run: " + left);
    }
  }
}
