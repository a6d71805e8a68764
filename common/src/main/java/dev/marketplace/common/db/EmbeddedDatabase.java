package dev.marketplace.common.db;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A real PostgreSQL server started from binaries shipped as a Maven artifact, for a zero-config
 * start and for tests on a machine without a database. Its data stays in a folder across restarts.
 *
 * <p>It runs as {@link PostgresProcessUser} says (an unprivileged system user when started by
 * root), listens on 127.0.0.1 only, and is stopped with {@link #close()}. A server left running by
 * a process that was killed is stopped before a new one starts on the same data; a lock next to the
 * data keeps two live processes from sharing it.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final String SUPERUSER = "postgres";

  private final Path binaries;
  private final Path dataDirectory;
  private final PostgresProcessUser user;
  private int port;
  private final FileChannel lockFile;
  private final FileLock lock;

  private EmbeddedDatabase(
      Path binaries,
      Path dataDirectory,
      PostgresProcessUser user,
      FileChannel lockFile,
      FileLock lock) {
    this.binaries = binaries;
    this.dataDirectory = dataDirectory;
    this.user = user;
    this.lockFile = lockFile;
    this.lock = lock;
  }

  /** Starts (or restarts on the existing data of) a durable server for {@code dataDirectory}. */
  public static EmbeddedDatabase start(Path dataDirectory) throws IOException {
    return start(dataDirectory, List.of(), EmbeddedDatabase::freePort);
  }

  /**
   * Starts a server for throw-away test data: without flushing to disk, which a test database never
   * needs and which makes it several times faster.
   */
  public static EmbeddedDatabase startForTests(Path dataDirectory) throws IOException {
    return start(
        dataDirectory,
        List.of("fsync=off", "synchronous_commit=off", "full_page_writes=off"),
        EmbeddedDatabase::freePort);
  }

  /** Where the server is to listen: a port nothing listens on at the moment. */
  interface Ports {
    int next() throws IOException;
  }

  static EmbeddedDatabase start(Path requested, List<String> settings, Ports ports)
      throws IOException {
    Path binaries = PostgresBinaries.install();
    PostgresProcessUser user = PostgresProcessUser.forThisProcess();
    Path data = user.dataDirectory(requested);
    FileChannel lockFile =
        FileChannel.open(
            data.resolveSibling(data.getFileName() + ".lock"),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
    FileLock lock = lockFile.tryLock();
    if (lock == null) {
      lockFile.close();
      throw new IOException("Another process is using the embedded PostgreSQL in " + data);
    }
    EmbeddedDatabase database = new EmbeddedDatabase(binaries, data, user, lockFile, lock);
    try {
      database.startServer(settings, ports);
    } catch (IOException | RuntimeException e) {
      database.releaseLock();
      throw e;
    }
    return database;
  }

  private void startServer(List<String> settings, Ports ports) throws IOException {
    if (!Files.exists(dataDirectory.resolve("PG_VERSION"))) {
      tool("initdb", "-A", "trust", "-U", SUPERUSER, "-E", "UTF-8", "-D", dataDirectory.toString());
    }
    // We hold the lock, so a server still running on this data was left by a killed process.
    if (pgCtl("status").exitCode() == 0) {
      tool("pg_ctl", "stop", "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", "60");
    }
    // A port found free can be taken before the server binds it (the kernel hands the same range
    // to outgoing connections): then the server starts on another.
    Path log = dataDirectory.resolve("server.log");
    for (int attempt = 1; ; attempt++) {
      port = ports.next();
      long logged = Files.exists(log) ? Files.size(log) : 0;
      try {
        tool(
            "pg_ctl",
            "start",
            "-D",
            dataDirectory.toString(),
            "-l",
            log.toString(),
            "-o",
            serverOptions(settings),
            "-w",
            "-t",
            "60");
        return;
      } catch (IOException failed) {
        if (attempt == 3 || !portWasTaken(log, logged)) {
          throw failed;
        }
      }
    }
  }

  private String serverOptions(List<String> settings) {
    List<String> options =
        new ArrayList<>(
            List.of(
                "port=" + port,
                "listen_addresses=127.0.0.1",
                "unix_socket_directories=''",
                "timezone=UTC",
                "max_connections=300"));
    options.addAll(settings);
    StringBuilder serverOptions = new StringBuilder();
    for (String option : options) {
      serverOptions.append(" -c ").append(option);
    }
    return serverOptions.toString().strip();
  }

  /** Whether the server's log, past {@code from}, says it could not listen on its port. */
  private static boolean portWasTaken(Path log, long from) throws IOException {
    if (!Files.exists(log)) {
      return false;
    }
    byte[] written = Files.readAllBytes(log);
    String tail =
        new String(
            written,
            (int) Math.min(from, written.length),
            (int) Math.max(0, written.length - from),
            StandardCharsets.UTF_8);
    return tail.contains("could not create any TCP/IP sockets");
  }

  /** Where the server keeps its data (see {@link PostgresProcessUser#dataDirectory}). */
  public Path dataDirectory() {
    return dataDirectory;
  }

  /** Settings for {@code database} on this server, creating it when missing. */
  public DatabaseSettings database(String database) throws SQLException {
    DatabaseSettings server = new DatabaseSettings("127.0.0.1", port, "postgres", SUPERUSER, null);
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), SUPERUSER, null);
        Statement statement = connection.createStatement()) {
      try (ResultSet exists =
          statement.executeQuery(
              "SELECT 1 FROM pg_database WHERE datname = '" + database.replace("'", "''") + "'")) {
        if (!exists.next()) {
          statement.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
        }
      }
    }
    return server.withDatabase(database);
  }

  @Override
  public void close() throws IOException {
    try {
      tool("pg_ctl", "stop", "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", "60");
    } finally {
      releaseLock();
    }
  }

  private void releaseLock() throws IOException {
    lock.release();
    lockFile.close();
  }

  private PostgresProcessUser.Result pgCtl(String action) throws IOException {
    return PostgresProcessUser.run(
        user.command(
            List.of(
                binaries.resolve("bin/pg_ctl").toString(),
                action,
                "-D",
                dataDirectory.toString())));
  }

  /** Runs one of PostgreSQL's programs as its user, failing with what it printed. */
  private void tool(String name, String... arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(binaries.resolve("bin").resolve(name).toString());
    command.addAll(List.of(arguments));
    PostgresProcessUser.Result result = PostgresProcessUser.run(user.command(command));
    if (result.exitCode() != 0) {
      throw new IOException(name + " failed (exit " + result.exitCode() + "): " + result.output());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
