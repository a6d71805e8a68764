package dev.marketplace.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.common.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The cluster under failure (issue 28): real nodes of the jar as processes, a steady mixed load,
 * and one fault at a time — crash, hang, partition, split brain, slow links, rolling restart,
 * database blip — each followed by the invariants, checked from the database and from what the
 * clients were told. The short form (one fault of each kind) runs in the build; {@code
 * -Dchaos.full=true} runs the full form, every fault on every node it applies to, with longer
 * hangs. The table of the run is written to {@code chaos/target/chaos/resilience.md}.
 */
class ChaosSuiteTest {

  private static final boolean FULL = Boolean.getBoolean("chaos.full");

  /** Longest a client waits for any answer: the request timeout and some slack for the machine. */
  private static final Duration CLIENT_LIMIT = ChaosCluster.REQUEST_TIMEOUT.plusSeconds(3);

  /** How long the cluster takes to drop a silent member ({@code ClusteredVertx}). */
  private static final Duration DEAD_AFTER = Duration.ofSeconds(5);

  /** How soon after a fault ends the service must be back. */
  private static final Duration RECOVERY_BOUND = Duration.ofSeconds(20);

  private static final int INITIAL_STOCK = 100_000;

  private final Path out = Path.of(System.getProperty("chaos.out", "target/chaos"));
  private final List<FaultRow> rows = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private String logNote = "";

  private ChaosCluster cluster;
  private Load load;
  private Invariants invariants;

  /** One line of the report. */
  record FaultRow(
      String fault,
      long sent,
      Map<Integer, Long> byStatus,
      long lost,
      long duplicates,
      long longestMillis,
      long recoveryMillis,
      String note) {}

  @Test
  void theClusterLosesNothingChargesNothingTwiceAndAnswersEveryRequest() throws Exception {
    Path jar = Path.of(System.getProperty("chaos.jar", "../app/target/marketplace.jar"));
    assertThat(jar).as("the jar the suite runs: build app first").exists();
    long started = System.nanoTime();
    if (Files.isDirectory(out)) {
      try (var old = Files.list(out)) {
        for (Path file : old.toList()) {
          Files.delete(file);
        }
      }
    }
    cluster = ChaosCluster.start(jar, out);
    boolean network = Network.available();
    try (ChaosCluster running = cluster) {
      Api api = new Api(cluster.api.url(""), CLIENT_LIMIT);
      Load.Account seller = account(api, "sellers");
      List<Long> products = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        products.add(product(api, seller, i));
      }
      List<Load.Account> buyers = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        buyers.add(account(api, "buyers"));
      }
      load = new Load(api, buyers, seller, products, 8);
      invariants = new Invariants(cluster.database, load, products, INITIAL_STOCK);
      try (EventFollower follower =
              new EventFollower(api.base(), buyers.get(0).id(), buyers.get(0).token());
          Load running2 = load) {
        load.start();
        phase("steady", Duration.ofSeconds(5));

        fault(
            "crash: kill -9 of an order/payment node mid-payment, then restart",
            () -> {
              cluster.orders1.kill();
              Thread.sleep(2000);
              cluster.restart(cluster.orders1);
              return "";
            });
        if (FULL) {
          fault("crash: kill -9 of the account/catalog node", () -> crashAndRestart(cluster.core));
          fault(
              "crash: kill -9 of the sandbox gateway",
              () -> {
                invariants.gatewayLosesItsLedger();
                return crashAndRestart(cluster.sandbox);
              });
        }
        for (int seconds : FULL ? List.of(5, 12, 20) : List.of(8)) {
          fault(
              "hang: SIGSTOP of an order/payment node for " + seconds + " s, then SIGCONT",
              () -> hang(cluster.orders2, seconds));
        }
        if (FULL) {
          fault(
              "hang: SIGSTOP of the account/catalog node for 8 s",
              () -> {
                cluster.core.freeze();
                Thread.sleep(8000);
                cluster.core.thaw();
                return "";
              });
        }
        if (network) {
          for (Node cut :
              FULL
                  ? List.of(cluster.orders1, cluster.core, cluster.api)
                  : List.of(cluster.orders1)) {
            fault(
                "partition: " + cut.name + " cut off from the others for 8 s, then healed",
                () -> {
                  List<Node> others = new ArrayList<>(cluster.nodes);
                  others.remove(cut);
                  cluster.network.cut(List.of(cut), others);
                  Thread.sleep(8000);
                  cluster.network.heal();
                  return "";
                });
          }
          fault(
              "split brain: {api, core, orders1} | {orders2, sandbox} for 10 s, then healed",
              () -> {
                cluster.network.cut(
                    List.of(cluster.api, cluster.core, cluster.orders1),
                    List.of(cluster.orders2, cluster.sandbox));
                Thread.sleep(10_000);
                cluster.network.heal();
                return "";
              });
          fault(
              "slow links: an order node's cluster and bus ports, for 10 s",
              () -> {
                String how = cluster.network.slow(cluster.orders2, 100, 5);
                Thread.sleep(10_000);
                cluster.network.unslow();
                return how;
              });
        } else {
          // As the reference page's browser test: skipped where the tools are missing, except
          // under CI, which installs them (.ci/run).
          String missing = "nft or tc is missing or not permitted: network faults not run";
          if (System.getenv("CI") != null) {
            problems.add(missing);
          } else {
            rows.add(new FaultRow("network faults", 0, Map.of(), 0, 0, 0, 0, missing));
          }
        }
        fault(
            "rolling restart: SIGTERM each domain node in turn, waiting for it to be ready",
            () -> {
              List<Node> order =
                  FULL
                      ? List.of(cluster.core, cluster.orders1, cluster.orders2, cluster.sandbox)
                      : List.of(cluster.orders1, cluster.core);
              for (Node node : order) {
                restartInTurn(node);
              }
              return "";
            });
        fault(
            "database blip during a hang: every session terminated twice while an order/payment"
                + " node is frozen for 6 s",
            () -> {
              cluster.orders2.freeze();
              try {
                Thread.sleep(2000);
                blip(cluster.database);
                Thread.sleep(1000);
                blip(cluster.database);
                Thread.sleep(3000);
              } finally {
                cluster.orders2.thaw();
              }
              return "";
            });
        fault(
            "database blip: every session of the service terminated, twice, 1 s apart",
            () -> {
              blip(cluster.database);
              Thread.sleep(1000);
              blip(cluster.database);
              return "";
            });

        load.phase("settling");
        load.stopAndSettle(Duration.ofSeconds(120));
        awaitSettled();
        checkEvents(follower, buyers.get(0).id());
      }
      checkDatabase();
      // The rollup is compared with its rebuild once nothing writes any more: the periodic jobs
      // would otherwise change it between the two.
      for (Node node : cluster.nodes) {
        node.terminate(Duration.ofSeconds(40));
      }
      checkRollup(jar);
      checkLogs();
      writeReport(Duration.ofNanos(System.nanoTime() - started));
    }
    assertThat(problems).as("invariants broken; see " + out.resolve("resilience.md")).isEmpty();
  }

  /**
   * SIGTERM and a restart of {@code node}, which drains first. The order nodes have a twin that
   * serves meanwhile; the core node runs alone, so a second core node starts and is ready before it
   * stops and goes after it is back, as a rolling update with a surge of one and none unavailable
   * does (ops/k8s).
   */
  private void restartInTurn(Node node) throws Exception {
    boolean alone = node == cluster.core;
    if (alone) {
      cluster.restart(cluster.coreSurge);
    }
    node.terminate(Duration.ofSeconds(40));
    cluster.restart(node);
    if (alone) {
      cluster.coreSurge.terminate(Duration.ofSeconds(40));
    }
  }

  private String crashAndRestart(Node node) throws Exception {
    node.kill();
    Thread.sleep(2000);
    cluster.restart(node);
    return "";
  }

  /**
   * Freezes {@code node} and measures the orders its twin commits while it is frozen against what
   * each node committed before: the twin must keep at least half its rate.
   */
  private String hang(Node node, int seconds) throws Exception {
    Instant before = Instant.now();
    Thread.sleep(1);
    node.freeze();
    Instant frozen = Instant.now();
    Thread.sleep(seconds * 1000L);
    node.thaw();
    Instant thawed = Instant.now();
    double baseline = commitsPerSecond(before.minusSeconds(8), before) / 2;
    double twin = commitsPerSecond(frozen, thawed);
    String note = String.format("twin %.1f orders/s against %.1f per node before", twin, baseline);
    if (seconds <= DEAD_AFTER.toSeconds()) {
      // Until the frozen node is dropped, half the requests go to it and wait out their timeout;
      // the load's eight clients soon all wait there, and the twin is offered little.
      note += " (not held to half: the node was frozen no longer than it takes to drop it)";
    } else if (twin < baseline / 2) {
      problems.add("hang of " + node.name + ": " + note);
    }
    return note;
  }

  private double commitsPerSecond(Instant from, Instant to) throws SQLException {
    long count =
        cluster.database.queryLong(
            "SELECT count(*) FROM orders WHERE created_at >= '"
                + from
                + "' AND created_at < '"
                + to
                + "'");
    return count * 1000.0 / Math.max(1, Duration.between(from, to).toMillis());
  }

  private static void blip(TestDatabase database) throws SQLException {
    database.queryLong(
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
  }

  @FunctionalInterface
  private interface Fault {
    String inject() throws Exception;
  }

  private void phase(String name, Duration length) throws InterruptedException {
    load.phase(name);
    Thread.sleep(length.toMillis());
  }

  /**
   * Runs one fault under the load: a few seconds of steady state, the fault, then the time it takes
   * until an order sent after the fault ended is acknowledged; then the answers of the phase.
   */
  private void fault(String name, Fault fault) throws Exception {
    phase("before: " + name, Duration.ofSeconds(4));
    load.phase(name);
    String note;
    try {
      note = fault.inject();
    } catch (Exception failed) {
      note = "the fault itself failed: " + failed;
      problems.add(name + ": " + note);
    } finally {
      // Whatever happened, the links are whole again before the next fault.
      cluster.network.unslow();
    }
    long ended = System.currentTimeMillis();
    long recovered = awaitRecovery(ended);
    long whole = awaitWhole(ended);
    if (whole < 0) {
      note = (note.isEmpty() ? "" : note + "; ") + "cluster not whole again within 40 s";
      problems.add(name + ": the cluster was not whole again within 40 s");
    } else if (recovered >= 0) {
      recovered = Math.max(recovered, whole);
    }
    phase(name, Duration.ofSeconds(4));
    load.phase("between faults");
    List<Load.Sent> answers =
        load.answers.stream().filter(sent -> sent.phase().equals(name)).toList();
    Map<Integer, Long> byStatus =
        answers.stream()
            .collect(Collectors.groupingBy(Load.Sent::status, TreeMap::new, Collectors.counting()));
    long longest = answers.stream().mapToLong(Load.Sent::millis).max().orElse(0);
    for (Load.Sent sent : answers) {
      if (!allowed(sent.status())) {
        problems.add(name + ": " + sent.action() + " answered " + describe(sent.status()));
      }
    }
    if (recovered < 0 || recovered > RECOVERY_BOUND.toMillis()) {
      problems.add(name + ": not back within " + RECOVERY_BOUND.toSeconds() + " s");
    }
    // What was refused, and why: the error code of each 409, 503 and 504, by action.
    String refused =
        answers.stream()
            .filter(sent -> sent.status() == 409 || sent.status() == 503 || sent.status() == 504)
            .collect(
                Collectors.groupingBy(
                    sent -> sent.action() + " " + sent.status() + " " + sent.error(),
                    TreeMap::new,
                    Collectors.counting()))
            .toString();
    if (!refused.equals("{}")) {
      note = (note.isEmpty() ? "" : note + "; ") + "refused by action: " + refused;
    }
    Invariants.Breaches breaches = checkInvariants(name, false);
    rows.add(
        new FaultRow(
            name,
            answers.size(),
            byStatus,
            breaches.lost().size(),
            breaches.duplicated().size(),
            longest,
            recovered,
            note));
  }

  /**
   * The database's invariants over what was acknowledged so far; any breach no check saw before is
   * a problem of {@code when}.
   */
  private Invariants.Breaches checkInvariants(String when, boolean settled) {
    try {
      Invariants.Breaches breaches = invariants.check(settled);
      if (!breaches.none()) {
        problems.add(when + ": " + breaches.summary());
      }
      return breaches;
    } catch (Exception failed) {
      problems.add(when + ": the invariants could not be checked: " + failed);
      return new Invariants.Breaches(List.of(), List.of());
    }
  }

  private static boolean allowed(int status) {
    return status >= 200 && status < 500 || status == 503 || status == 504;
  }

  private static String describe(int status) {
    return switch (status) {
      case Api.NO_ANSWER -> "nothing within " + CLIENT_LIMIT.toSeconds() + " s";
      case Api.NO_CONNECTION -> "a refused or reset connection";
      default -> Integer.toString(status);
    };
  }

  /**
   * Milliseconds from the end of a fault until every running node sees every running node (-1 if
   * not within twice the bound): a node that was cut off or frozen has merged back and serves its
   * share again. Before that, the next fault could take down what is, for the moment, the only node
   * of a verticle.
   */
  private long awaitWhole(long endedAt) throws InterruptedException {
    long deadline = endedAt + RECOVERY_BOUND.toMillis() * 2;
    while (System.currentTimeMillis() < deadline) {
      List<Node> running = cluster.nodes.stream().filter(Node::alive).toList();
      boolean whole =
          running.stream()
              .filter(node -> !node.verticles.equals("sandbox"))
              .allMatch(node -> node.members() == running.size());
      if (whole) {
        return System.currentTimeMillis() - endedAt;
      }
      Thread.sleep(200);
    }
    return -1;
  }

  /** Milliseconds from {@code endedAt} until an order sent after it was acknowledged; -1: never. */
  private long awaitRecovery(long endedAt) throws InterruptedException {
    long deadline = endedAt + RECOVERY_BOUND.toMillis() * 2;
    while (System.currentTimeMillis() < deadline) {
      var first =
          load.answers.stream()
              .filter(s -> s.action().equals("order") && s.status() == 201)
              .filter(s -> s.sentAtMillis() >= endedAt)
              .mapToLong(s -> s.sentAtMillis() + s.millis())
              .min();
      if (first.isPresent()) {
        return first.getAsLong() - endedAt;
      }
      Thread.sleep(100);
    }
    return -1;
  }

  /**
   * Waits until the periodic jobs have finished what the faults left: no payment pending or
   * authorized, every cancelled order's capture refunded.
   */
  private void awaitSettled() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    long open = -1;
    while (System.nanoTime() < deadline) {
      open =
          cluster.database.queryLong(
              "SELECT count(*) FROM payments p JOIN orders o ON o.id = p.order_id"
                  + " WHERE (p.payment_status IN ('pending', 'authorized')"
                  + " OR (o.status = 'cancelled' AND p.payment_status = 'captured'))"
                  + " AND NOT "
                  + invariants.forgotten("p"));
      if (open == 0) {
        return;
      }
      Thread.sleep(1000);
    }
    problems.add(open + " payment(s) still pending, or captured on a cancelled order, after 90 s");
  }

  private void checkEvents(EventFollower follower, long buyerId) throws Exception {
    long first = follower.firstId();
    List<String> missing =
        cluster
            .database
            .queryStrings(
                "SELECT t.id FROM order_tracking t JOIN orders o ON o.id = t.order_id"
                    + " WHERE o.buyer_id = "
                    + buyerId
                    + " AND t.id > "
                    + first
                    + " ORDER BY t.id")
            .stream()
            .filter(id -> !follower.received.contains(Long.parseLong(id)))
            .toList();
    // The last events may still be on their way; give them a moment.
    Thread.sleep(3000);
    missing =
        missing.stream().filter(id -> !follower.received.contains(Long.parseLong(id))).toList();
    if (first < 0 || !missing.isEmpty()) {
      problems.add(
          "live order stream: "
              + (first < 0 ? "never opened" : missing.size() + " event(s) never received")
              + " ("
              + follower.reconnects.get()
              + " reconnects)");
    }
    rows.add(
        new FaultRow(
            "live order stream, through every fault",
            follower.received.size(),
            Map.of(),
            missing.size(),
            0,
            0,
            0,
            follower.reconnects.get() + " reconnects with Last-Event-ID"));
  }

  private void checkDatabase() throws Exception {
    checkInvariants("at the end", true);
    long cancelledCaptured =
        cluster.database.queryLong(
            "SELECT count(*) FROM orders o JOIN payments p ON p.order_id = o.id"
                + " WHERE o.status = 'cancelled' AND p.payment_status = 'captured' AND NOT "
                + invariants.forgotten("p"));
    long forgotten = invariants.forgottenByTheGateway();
    if (cancelledCaptured > 0) {
      problems.add(cancelledCaptured + " order(s) cancelled after capture without their refund");
    }
    if (!load.unresolved.isEmpty()) {
      problems.add(load.unresolved.size() + " write(s) never got a definitive answer");
    }
    long sent = load.answers.size();
    Map<Integer, Long> byStatus =
        load.answers.stream()
            .collect(Collectors.groupingBy(Load.Sent::status, TreeMap::new, Collectors.counting()));
    long longest = load.answers.stream().mapToLong(Load.Sent::millis).max().orElse(0);
    rows.add(
        new FaultRow(
            "whole run",
            sent,
            byStatus,
            invariants.lost(),
            invariants.duplicated(),
            longest,
            0,
            String.format(
                "%d orders, %d payments, %d refunds due, %d stock changes acknowledged%s",
                load.ackedOrders.size(),
                load.ackedPayments.size(),
                load.ackedRefundsDue.size(),
                load.ackedStock.values().stream().mapToLong(AtomicLong::get).sum(),
                forgotten == 0
                    ? ""
                    : "; "
                        + forgotten
                        + " refund(s) the killed sandbox could not make: it lost"
                        + " its ledger (in memory), a real gateway does not")));
  }

  /** The sales rollup the writes kept equals the one the operator's rebuild computes. */
  private void checkRollup(Path jar) throws Exception {
    List<String> tables =
        List.of(
            "sales_quarter_hours",
            "seller_buyer_purchases",
            "product_sales_quarter_hours",
            "product_sales_days",
            "seller_sales_totals");
    Map<String, String> kept = rollup(tables);
    ProcessBuilder rebuild =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                jar.toString(),
                "rebuild-sales-rollup")
            .redirectErrorStream(true)
            .redirectOutput(out.resolve("rebuild.log").toFile());
    rebuild.environment().put("MARKETPLACE_DB_URL", cluster.database.settings().uri());
    int status = rebuild.start().waitFor();
    if (status != 0) {
      problems.add("rebuild-sales-rollup exited " + status);
      return;
    }
    Map<String, String> rebuilt = rollup(tables);
    for (String table : tables) {
      if (!kept.get(table).equals(rebuilt.get(table))) {
        problems.add("sales rollup: " + table + " differs from its rebuild (see rollup-*.txt)");
        Files.writeString(out.resolve("rollup-" + table + "-kept.txt"), kept.get(table));
        Files.writeString(out.resolve("rollup-" + table + "-rebuilt.txt"), rebuilt.get(table));
      }
    }
  }

  private Map<String, String> rollup(List<String> tables) throws SQLException {
    Map<String, String> snapshot = new LinkedHashMap<>();
    for (String table : tables) {
      snapshot.put(
          table,
          cluster.database.queryString(
              "SELECT coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '') FROM "
                  + table
                  + " t"));
    }
    return snapshot;
  }

  /**
   * No "Unhandled exception" in any node's log, and no ERROR of ours or of Vert.x. Hazelcast's own
   * ERROR lines (a woken member's stale claim to mastership, which it refuses) are counted in the
   * report instead: they are Hazelcast's account of a fault it handled.
   */
  /**
   * An ERROR of Hazelcast's own, or of Vert.x's cluster manager failing to clean up after a member
   * that left while its half of a split was merging (the cleanup runs again once merged): about
   * membership, counted in the report rather than failed on.
   */
  private static boolean aboutMembership(String line) {
    return line.contains(" c.h.") || line.contains("Failed to handle memberRemoved");
  }

  private void checkLogs() throws Exception {
    long hazelcast = 0;
    for (Node node : cluster.nodes) {
      if (!Files.exists(node.log())) {
        continue; // never started
      }
      List<String> lines = Files.readAllLines(node.log());
      List<String> bad =
          lines.stream()
              .filter(
                  line ->
                      line.contains("Unhandled exception")
                          || line.contains(" ERROR ") && !aboutMembership(line))
              .limit(5)
              .toList();
      if (!bad.isEmpty()) {
        problems.add(node.name + "'s log: " + String.join(" | ", bad));
      }
      hazelcast += lines.stream().filter(l -> l.contains(" ERROR ") && aboutMembership(l)).count();
    }
    logNote =
        hazelcast + " ERROR line(s) from Hazelcast and its cluster manager, about members dropped";
  }

  private void writeReport(Duration took) throws Exception {
    StringBuilder table = new StringBuilder();
    table.append("Run of ").append(Instant.now()).append(FULL ? " (full form)" : " (short form)");
    table.append(", ").append(took.toSeconds()).append(" s in all. Logs: ").append(logNote);
    table.append(".\n\n");
    table.append(
        "| fault | requests | answers by status | acked writes lost | duplicates | longest answer |"
            + " recovery | note |\n|---|---|---|---|---|---|---|---|\n");
    for (FaultRow row : rows) {
      table
          .append("| ")
          .append(row.fault())
          .append(" | ")
          .append(row.sent())
          .append(" | ")
          .append(
              row.byStatus().entrySet().stream()
                  .map(e -> describe(e.getKey()) + ": " + e.getValue())
                  .collect(Collectors.joining(", ")))
          .append(" | ")
          .append(row.lost())
          .append(" | ")
          .append(row.duplicates())
          .append(" | ")
          .append(row.longestMillis())
          .append(" ms | ")
          .append(row.recoveryMillis())
          .append(" ms | ")
          .append(row.note())
          .append(" |\n");
    }
    if (!problems.isEmpty()) {
      table.append("\nProblems:\n\n");
      problems.forEach(problem -> table.append("- ").append(problem).append('\n'));
    }
    Files.writeString(out.resolve("resilience.md"), table.toString());
    System.out.println(table);
  }

  private static Load.Account account(Api api, String role) {
    String email = role + "-" + System.nanoTime() + "@example.com";
    JsonObject credentials =
        new JsonObject()
            .put("name", "Chaos " + role)
            .put("email", email)
            .put("password", "correct-horse-battery");
    Api.Answer registered = api.post("/api/" + role + "/register", null, credentials, null);
    assertThat(registered.status()).as(registered.body().encode()).isEqualTo(201);
    Api.Answer login =
        api.post(
            "/api/" + role + "/login",
            null,
            new JsonObject().put("email", email).put("password", "correct-horse-battery"),
            null);
    assertThat(login.status()).as(login.body().encode()).isEqualTo(200);
    return new Load.Account(login.id(), login.body().getString("access_token"));
  }

  private static long product(Api api, Load.Account seller, int i) {
    Api.Answer created =
        api.post(
            "/api/sellers/products",
            seller.token(),
            new JsonObject()
                .put("name", "Chaos item " + i)
                .put("category", "chaos")
                .put("description", "Sold while nodes fail")
                .put("price", new java.math.BigDecimal("9.90"))
                .put("inventory", INITIAL_STOCK),
            null);
    assertThat(created.status()).as(created.body().encode()).isEqualTo(201);
    return created.id();
  }
}
