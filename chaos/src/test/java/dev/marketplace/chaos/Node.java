package dev.marketplace.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One node of the cluster: {@code java -jar marketplace.jar} as a process of its own, on a loopback
 * address of its own, with its cluster, bus and HTTP (or health) ports fixed for its whole life, so
 * that a restart comes back where the others and the firewall rules expect it.
 */
final class Node {

  /**
   * One client for every node's health and metrics, held for the whole run: a request of a client
   * built for it alone, and dropped while it waits, once never ended (its timeout never fired).
   */
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final String name;
  final String verticles;
  final String address;
  final int clusterPort;
  final int busPort;

  /** The api's HTTP port, the sandbox's port, or the health port of a domain node. */
  final int httpPort;

  private final Map<String, String> environment;
  private final Path jar;
  private final Path log;
  private Process process;

  Node(
      String name,
      String verticles,
      String address,
      int clusterPort,
      int busPort,
      int httpPort,
      Map<String, String> environment,
      Path jar,
      Path log) {
    this.name = name;
    this.verticles = verticles;
    this.address = address;
    this.clusterPort = clusterPort;
    this.busPort = busPort;
    this.httpPort = httpPort;
    this.environment = environment;
    this.jar = jar;
    this.log = log;
  }

  synchronized void start() throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Small JVMs: five of them share two cores with the load, PostgreSQL and other builds.
    command.addAll(
        List.of(
            "-Xmx256m",
            "-Xss512k",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:ActiveProcessorCount=1",
            // As docs/operations.md tells operators on JDK 24+: Hazelcast uses sun.misc.Unsafe.
            "-XX:+IgnoreUnrecognizedVMOptions",
            "--sun-misc-unsafe-memory-access=allow",
            "-jar",
            jar.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().clear();
    builder.environment().putAll(environment);
    Files.writeString(
        log,
        "==== start " + java.time.Instant.now() + "\n",
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    process = spawn(builder);
  }

  /**
   * Starts {@code builder}'s command so that it dies with this JVM, even a JVM killed with -9 whose
   * shutdown hooks never run: through {@code setpriv --pdeathsig KILL}, which asks the kernel to
   * kill it when its parent does (where setpriv is missing, only the hooks end it). The kernel's
   * "parent" is the thread that started it, so every start runs on one thread that lives as long as
   * the JVM.
   */
  static Process spawn(ProcessBuilder builder) throws IOException {
    if (PARENT_DEATH_SIGNAL) {
      List<String> command = new ArrayList<>(List.of("setpriv", "--pdeathsig", "KILL", "--"));
      command.addAll(builder.command());
      builder.command(command);
    }
    try {
      return SPAWNER.submit(builder::start).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting " + builder.command(), e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
  }

  private static final ExecutorService SPAWNER =
      Executors.newSingleThreadExecutor(
          task -> Thread.ofPlatform().daemon().name("chaos-spawner").unstarted(task));

  private static final boolean PARENT_DEATH_SIGNAL = setprivWorks();

  private static boolean setprivWorks() {
    try {
      return new ProcessBuilder("setpriv", "--pdeathsig", "KILL", "--", "true")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start()
              .waitFor()
          == 0;
    } catch (IOException | InterruptedException missing) {
      return false;
    }
  }

  /** Waits until the node says it is ready: the api's or a domain node's health, or a port open. */
  void awaitReady(Duration limit) throws Exception {
    String path = verticles.equals("sandbox") ? "/" : "/health/live";
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!alive()) {
        throw new IllegalStateException(name + " exited at start; see " + log);
      }
      try {
        HttpResponse<Void> answer =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(url(path)))
                    .timeout(Duration.ofSeconds(3))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (verticles.equals("sandbox") || answer.statusCode() == 200) {
          if (!verticles.startsWith("api") && !verticles.equals("sandbox")) {
            HttpResponse<Void> ready =
                HTTP.send(
                    HttpRequest.newBuilder(URI.create(url("/health/ready")))
                        .timeout(Duration.ofSeconds(3))
                        .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (ready.statusCode() != 200) {
              Thread.sleep(200);
              continue;
            }
          }
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(name + " was not ready within " + limit + "; see " + log);
  }

  /**
   * The cluster members this node sees ({@code marketplace_cluster_members} on its /metrics); -1
   * when it does not answer, or for the sandbox, which serves no metrics.
   */
  int members() {
    if (verticles.equals("sandbox") || !alive()) {
      return -1;
    }
    try {
      HttpResponse<String> metrics =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url("/metrics")))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return metrics
          .body()
          .lines()
          .filter(line -> line.startsWith("marketplace_cluster_members "))
          .mapToInt(line -> (int) Double.parseDouble(line.substring(line.indexOf(' ') + 1)))
          .findFirst()
          .orElse(-1);
    } catch (IOException | RuntimeException notAnswering) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  String url(String path) {
    return "http://" + address + ":" + httpPort + path;
  }

  synchronized boolean alive() {
    return process != null && process.isAlive();
  }

  synchronized long pid() {
    return process.pid();
  }

  /** SIGKILL: the process dies at once, with whatever it had in flight. */
  void kill() throws Exception {
    signal("KILL");
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGSTOP: the process freezes, its sockets open, as in a long pause. */
  void freeze() throws Exception {
    signal("STOP");
  }

  void thaw() throws Exception {
    signal("CONT");
  }

  /** SIGTERM, then waits for the orderly exit; nothing if the node is not running. */
  void terminate(Duration limit) throws Exception {
    if (!alive()) {
      return;
    }
    signal("TERM");
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException(name + " did not stop within " + limit + " after SIGTERM");
    }
  }

  private void signal(String signal) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill -" + signal + " " + name + " failed");
    }
  }

  /** Whatever happens, the process ends (continued first, in case it was frozen). */
  synchronized void destroy() {
    if (process == null) {
      return;
    }
    try {
      new ProcessBuilder("kill", "-CONT", Long.toString(process.pid())).start().waitFor();
    } catch (Exception ignored) {
      // Already gone.
    }
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  Path log() {
    return log;
  }

  @Override
  public String toString() {
    return name + " (" + verticles + " on " + address + ")";
  }
}
