package dev.marketplace.common.testing;

import dev.marketplace.common.db.DatabaseSettings;
import dev.marketplace.common.db.EmbeddedDatabase;
import dev.marketplace.common.db.SchemaMigrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A fresh, migrated database of its own for one test class, on a real PostgreSQL server (see {@link
 * #server()} for which). Dropped again on {@link #close()}.
 */
public final class TestDatabase implements AutoCloseable {

  public static final String URL_VARIABLE = "MARKETPLACE_TEST_DB_URL";

  /** PostgreSQL's SQLSTATE for an object in use, such as a database someone is connected to. */
  private static final String OBJECT_IN_USE = "55006";

  private static DatabaseSettings server;

  /** The migrated database this JVM's test databases are copied from, once it exists. */
  private static String template;

  private final DatabaseSettings settings;

  private TestDatabase(DatabaseSettings settings) {
    this.settings = settings;
  }

  /**
   * A migrated database of its own: a copy of a template this JVM migrated once, which PostgreSQL
   * makes in a fraction of the time the migrations take.
   */
  public static TestDatabase create() throws SQLException {
    DatabaseSettings admin = server();
    String name = newName("mp_test_");
    copy(admin, migratedTemplate(admin), name);
    return new TestDatabase(admin.withDatabase(name));
  }

  /** A database with no schema yet, for tests of the migrations themselves. */
  public static TestDatabase createEmpty() throws SQLException {
    DatabaseSettings admin = server();
    String name = newName("mp_test_");
    execute(admin, "CREATE DATABASE " + name);
    return new TestDatabase(admin.withDatabase(name));
  }

  private static synchronized String migratedTemplate(DatabaseSettings admin) throws SQLException {
    if (template == null) {
      String name = newName("mp_template_");
      execute(admin, "CREATE DATABASE " + name);
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> dropQuietly(admin, name), "test-template-drop"));
      SchemaMigrator.migrate(admin.withDatabase(name));
      template = name;
    }
    return template;
  }

  /**
   * Copies {@code source}; PostgreSQL refuses while anyone is connected to it, as the migrations'
   * connections may still be for a moment after they closed.
   */
  private static void copy(DatabaseSettings admin, String source, String name) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try {
        execute(admin, "CREATE DATABASE " + name + " TEMPLATE " + source);
        return;
      } catch (SQLException inUse) {
        if (!OBJECT_IN_USE.equals(inUse.getSQLState()) || attempt == 50) {
          throw inUse;
        }
        sleep(100);
      }
    }
  }

  private static String newName(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void dropQuietly(DatabaseSettings admin, String name) {
    try {
      execute(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException ignored) {
      // The JVM is exiting; a template left behind on a test server is all that can go wrong.
    }
  }

  public DatabaseSettings settings() {
    return settings;
  }

  /** Runs one statement outside the service, for checks a test cannot make through the API. */
  public void execute(String sql) throws SQLException {
    execute(settings, sql);
  }

  /** A connection of the test's own, for a transaction it holds open while the service works. */
  public Connection connect() throws SQLException {
    return connect(settings);
  }

  /** The first column of the first row of {@code sql}, as a long. */
  public long queryLong(String sql) throws SQLException {
    return firstValue(sql, rows -> rows.getLong(1));
  }

  /** The first column of the first row of {@code sql}, as text. */
  public String queryString(String sql) throws SQLException {
    return firstValue(sql, rows -> rows.getString(1));
  }

  /** The first column of every row of {@code sql}, as text. */
  public List<String> queryStrings(String sql) throws SQLException {
    try (Connection connection = connect(settings);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    }
  }

  private <T> T firstValue(String sql, ColumnReader<T> reader) throws SQLException {
    try (Connection connection = connect(settings);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return reader.read(rows);
    }
  }

  @FunctionalInterface
  private interface ColumnReader<T> {
    T read(ResultSet rows) throws SQLException;
  }

  @Override
  public void close() throws SQLException {
    execute(server(), "DROP DATABASE IF EXISTS " + settings.database() + " WITH (FORCE)");
  }

  /**
   * The server the test databases go on, chosen once per JVM in this order: the one {@value
   * #URL_VARIABLE} names; else an embedded PostgreSQL (as any user: as root it runs as an
   * unprivileged system user); else, where a Docker engine answers, a PostgreSQL container
   * (Testcontainers); else a failure that says what to set.
   */
  private static synchronized DatabaseSettings server() {
    if (server != null) {
      return server;
    }
    String url = System.getenv(URL_VARIABLE);
    if (url != null && !url.isBlank()) {
      server = DatabaseSettings.fromUri(url);
      return server;
    }
    Exception embeddedFailure;
    try {
      server = embedded();
      return server;
    } catch (Exception e) {
      embeddedFailure = e;
    }
    if (DockerPostgres.engineAnswers()) {
      server = DockerPostgres.start();
      return server;
    }
    throw new IllegalStateException(
        "Tests need PostgreSQL, and none could be found: "
            + URL_VARIABLE
            + " is not set, the embedded PostgreSQL did not start ("
            + embeddedFailure.getMessage()
            + ") and no Docker engine answers for Testcontainers. Set "
            + URL_VARIABLE
            + "=postgresql://postgres@127.0.0.1:5432/postgres (a server where that user may create"
            + " databases).",
        embeddedFailure);
  }

  private static DatabaseSettings embedded() throws Exception {
    // In the temporary folder itself, which any user can reach (as root, the server's own user).
    Path folder = Files.createTempDirectory("marketplace-test-pg");
    EmbeddedDatabase embedded = EmbeddedDatabase.startForTests(folder);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> stopAndDelete(embedded, folder), "test-postgres-stop"));
    return embedded.database("postgres");
  }

  private static void stopAndDelete(EmbeddedDatabase embedded, Path folder) {
    try {
      embedded.close();
      try (Stream<Path> paths = Files.walk(embedded.dataDirectory())) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
      Files.deleteIfExists(folder.resolveSibling(folder.getFileName() + ".lock"));
    } catch (Exception ignored) {
      // The JVM is exiting; a temporary folder left behind is all that can go wrong.
    }
  }

  /** Testcontainers, loaded only when the earlier choices failed. */
  private static final class DockerPostgres {

    static boolean engineAnswers() {
      try {
        return DockerClientFactory.instance().isDockerAvailable();
      } catch (RuntimeException | LinkageError noDocker) {
        return false;
      }
    }

    static DatabaseSettings start() {
      PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
      container.start();
      Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-postgres-stop"));
      return new DatabaseSettings(
          container.getHost(),
          container.getMappedPort(5432),
          container.getDatabaseName(),
          container.getUsername(),
          container.getPassword());
    }
  }

  private static void execute(DatabaseSettings target, String sql) throws SQLException {
    try (Connection connection = connect(target);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static Connection connect(DatabaseSettings target) throws SQLException {
    return DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
  }
}
