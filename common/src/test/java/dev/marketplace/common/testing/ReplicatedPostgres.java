package dev.marketplace.common.testing;

import dev.marketplace.common.db.DatabaseHost;
import dev.marketplace.common.db.DatabaseSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A primary and its standbys made by the test itself from PostgreSQL's own programs: {@code
 * initdb}, then {@code pg_basebackup -R} for each standby, streaming replication on loopback and
 * free ports, in a temporary folder. Nothing is mocked: the tests stop servers with {@code pg_ctl
 * stop -m immediate}, promote standbys and pause replay, as an operator or an HA manager would.
 *
 * <p>The programs are the system's ({@code /usr/lib/postgresql/<version>/bin}, the newest that has
 * {@code pg_basebackup}; the embedded distribution ships no {@code pg_basebackup}). PostgreSQL
 * refuses to run as root, so as root they run as the {@code postgres} user through {@code runuser}.
 * Every server loads {@code pg_stat_statements} (the system's postgresql package ships it), for a
 * test that creates the extension to read what each server ran. {@link #close()} stops every server
 * and deletes the folder, and so does a shutdown hook if the test never gets there.
 */
public final class ReplicatedPostgres implements AutoCloseable {

  private static final String SUPERUSER = "postgres";
  private static final Path SYSTEM_INSTALLS = Path.of("/usr/lib/postgresql");

  private final Path binaries;
  private final Path folder;
  private final List<String> runAs;
  private final List<Node> nodes = new ArrayList<>();
  private final Thread cleanup = new Thread(this::stopAndDelete, "replicated-postgres-cleanup");
  private final Node primary;

  private ReplicatedPostgres(Path binaries, Path folder, List<String> runAs) throws IOException {
    this.binaries = binaries;
    this.folder = folder;
    this.runAs = runAs;
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      this.primary = new Node("primary", LoopbackPorts.take());
      nodes.add(primary);
      run(
          "initdb",
          "-A",
          "trust",
          "-U",
          SUPERUSER,
          "-E",
          "UTF-8",
          "--no-sync",
          "-D",
          primary.data());
      primary.start();
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** A running primary with no standby yet. */
  public static ReplicatedPostgres start() throws IOException {
    Path binaries = systemBinaries();
    Path folder = Files.createTempDirectory("marketplace-replication");
    List<String> runAs = List.of();
    if ("root".equals(System.getProperty("user.name"))) {
      // PostgreSQL refuses root; its own user runs it, and owns the folder.
      runAs = List.of("runuser", "-u", SUPERUSER, "--");
      exec(List.of("chown", SUPERUSER + ":", folder.toString()), folder);
    }
    return new ReplicatedPostgres(binaries, folder, runAs);
  }

  public Node primary() {
    return primary;
  }

  /**
   * A standby of the current primary, copied with {@code pg_basebackup -R} and started: it streams
   * the primary's WAL under {@code name} (its {@code cluster_name}, which the primary's {@code
   * synchronous_standby_names} can list) and answers read-only queries.
   */
  public Node addStandby(String name) throws IOException {
    Node standby = new Node(name, LoopbackPorts.take());
    nodes.add(standby);
    run(
        "pg_basebackup",
        "-h",
        "127.0.0.1",
        "-p",
        Integer.toString(primary.port),
        "-U",
        SUPERUSER,
        "-D",
        standby.data(),
        "-R",
        "-X",
        "stream",
        // At once, rather than after a checkpoint spread over minutes.
        "--checkpoint=fast",
        "--no-sync");
    standby.start();
    return standby;
  }

  /**
   * Makes the primary wait, at every commit, until {@code standby} has the commit on disk ({@code
   * synchronous_standby_names}, with the default {@code synchronous_commit = on}): an acknowledged
   * commit then survives the loss of the primary. Set after the standby's copy was taken, so that
   * the standby, once promoted, does not wait for a standby of its own.
   */
  public void makeSynchronous(Node standby) throws SQLException {
    primary.execute("ALTER SYSTEM SET synchronous_standby_names = '" + standby.name + "'");
    primary.execute("SELECT pg_reload_conf()");
  }

  /** A database on the primary (and so on every standby), named {@code name}. */
  public void createDatabase(String name) throws SQLException {
    primary.execute("CREATE DATABASE " + name);
  }

  /** Settings of {@code database} that list {@code hosts}, in that order. */
  public static DatabaseSettings settings(String database, Node... hosts) {
    return new DatabaseSettings(
        Arrays.stream(hosts).map(Node::host).toList(), database, SUPERUSER, null);
  }

  @Override
  public void close() {
    stopAndDelete();
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException exiting) {
      // Already shutting down: the hook is running or has run.
    }
  }

  private synchronized void stopAndDelete() {
    for (Node node : nodes) {
      try {
        node.stopImmediately();
      } catch (IOException | RuntimeException e) {
        // Stop the others all the same; the folder goes below.
      }
    }
    nodes.clear();
    if (Files.exists(folder)) {
      try (Stream<Path> paths = Files.walk(folder)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      } catch (IOException ignored) {
        // A temporary folder left behind is all that can go wrong.
      }
    }
  }

  /** One PostgreSQL server of the group. */
  public final class Node {

    private final String name;
    private final int port;
    private volatile boolean running;

    private Node(String name, int port) {
      this.name = name;
      this.port = port;
    }

    public String name() {
      return name;
    }

    public int port() {
      return port;
    }

    public DatabaseHost host() {
      return new DatabaseHost("127.0.0.1", port);
    }

    private String data() {
      return folder.resolve(name).toString();
    }

    /** Starts the server (again) and waits until it accepts connections. */
    public void start() throws IOException {
      String options =
          String.join(
              " ",
              "-c port=" + port,
              "-c listen_addresses=127.0.0.1",
              "-c unix_socket_directories=''",
              "-c cluster_name=" + name,
              "-c fsync=off",
              "-c hot_standby=on",
              "-c max_wal_senders=10",
              "-c wal_keep_size=256MB",
              "-c max_connections=200",
              // Counts each statement by its text on each server, standbys included: the tests
              // tell which server ran which read by it (the extension is created by the test).
              "-c shared_preload_libraries=pg_stat_statements",
              "-c timezone=UTC");
      run(
          "pg_ctl",
          "start",
          "-D",
          data(),
          "-l",
          folder.resolve(name + ".log").toString(),
          "-o",
          options,
          "-w",
          "-t",
          "60");
      running = true;
    }

    /** {@code pg_ctl stop -m immediate}: the server's processes exit at once, as in a crash. */
    public void stopImmediately() throws IOException {
      if (running) {
        run("pg_ctl", "stop", "-D", data(), "-m", "immediate", "-w", "-t", "60");
        running = false;
      }
    }

    /** {@code pg_ctl promote}: a standby leaves recovery and accepts writes. */
    public void promote() throws IOException {
      run("pg_ctl", "promote", "-D", data(), "-w", "-t", "60");
    }

    /** Stops applying the WAL it receives (it keeps receiving it): its data ages from now on. */
    public void pauseReplay() throws SQLException {
      execute("SELECT pg_wal_replay_pause()");
    }

    public void resumeReplay() throws SQLException {
      execute("SELECT pg_wal_replay_resume()");
    }

    public void execute(String sql) throws SQLException {
      try (Connection connection = connect("postgres");
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      }
    }

    /** The first column of the first row of {@code sql}, run in {@code database}, as a long. */
    public long queryLong(String database, String sql) throws SQLException {
      try (Connection connection = connect(database);
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery(sql)) {
        rows.next();
        return rows.getLong(1);
      }
    }

    private Connection connect(String database) throws SQLException {
      return DriverManager.getConnection(
          "jdbc:postgresql://127.0.0.1:" + port + "/" + database, SUPERUSER, null);
    }

    @Override
    public String toString() {
      return name + " (" + host() + ")";
    }
  }

  private void run(String program, String... arguments) throws IOException {
    List<String> command = new ArrayList<>(runAs);
    command.add(binaries.resolve(program).toString());
    command.addAll(List.of(arguments));
    exec(command, folder);
  }

  private static void exec(List<String> command, Path directory) throws IOException {
    // Into a file, so that a chatty program never blocks on a full pipe.
    Path output = Files.createTempFile("replicated-postgres", ".out");
    try {
      exec(command, directory, output);
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private static void exec(List<String> command, Path directory, Path output) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    try {
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not finish in 90 s");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted running " + command.get(0), e);
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          String.join(" ", command)
              + " failed (exit "
              + process.exitValue()
              + "): "
              + Files.readString(output, StandardCharsets.UTF_8));
    }
  }

  /** The newest system installation with the programs replication needs. */
  private static Path systemBinaries() throws IOException {
    if (Files.isDirectory(SYSTEM_INSTALLS)) {
      try (Stream<Path> versions = Files.list(SYSTEM_INSTALLS)) {
        return versions
            .map(version -> version.resolve("bin"))
            .filter(bin -> Files.isExecutable(bin.resolve("pg_basebackup")))
            .max(Comparator.comparing(ReplicatedPostgres::majorVersion))
            .orElseThrow(ReplicatedPostgres::noBinaries);
      }
    }
    throw noBinaries();
  }

  private static int majorVersion(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static IOException noBinaries() {
    return new IOException(
        "The replication tests need PostgreSQL's server programs with pg_basebackup under "
            + SYSTEM_INSTALLS
            + "/<version>/bin: apt-get install postgresql");
  }
}
