package dev.marketplace.common.testing;

import dev.marketplace.common.db.DatabaseSettings;
import dev.marketplace.common.db.EmbeddedDatabase;
import dev.marketplace.common.db.SchemaMigrator;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, migrated database of its own for one test class, on a real PostgreSQL server: the one
 * {@code MARKETPLACE_TEST_DB_URL} names (CI sets it to the machine's server), or else an embedded
 * server started once per JVM. Dropped again on {@link #close()}.
 */
public final class TestDatabase implements AutoCloseable {

  public static final String URL_VARIABLE = "MARKETPLACE_TEST_DB_URL";

  private static DatabaseSettings server;

  private final DatabaseSettings settings;

  private TestDatabase(DatabaseSettings settings) {
    this.settings = settings;
  }

  public static TestDatabase create() throws SQLException {
    TestDatabase database = createEmpty();
    SchemaMigrator.migrate(database.settings);
    return database;
  }

  /** A database with no schema yet, for tests of the migrations themselves. */
  public static TestDatabase createEmpty() throws SQLException {
    DatabaseSettings admin = server();
    String name = "mp_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute(admin, "CREATE DATABASE " + name);
    return new TestDatabase(admin.withDatabase(name));
  }

  public DatabaseSettings settings() {
    return settings;
  }

  /** Runs one statement outside the service, for checks a test cannot make through the API. */
  public void execute(String sql) throws SQLException {
    execute(settings, sql);
  }

  /** The first column of the first row of {@code sql}, as a long. */
  public long queryLong(String sql) throws SQLException {
    return firstValue(sql, rows -> rows.getLong(1));
  }

  /** The first column of the first row of {@code sql}, as text. */
  public String queryString(String sql) throws SQLException {
    return firstValue(sql, rows -> rows.getString(1));
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

  private static synchronized DatabaseSettings server() {
    if (server != null) {
      return server;
    }
    String url = System.getenv(URL_VARIABLE);
    if (url != null && !url.isBlank()) {
      server = DatabaseSettings.fromUri(url);
      return server;
    }
    if (EmbeddedDatabase.refusedForCurrentUser()) {
      throw new IllegalStateException(
          "Tests need PostgreSQL: set "
              + URL_VARIABLE
              + "=postgresql://postgres@127.0.0.1:5432/postgres (a server where that user may"
              + " create databases), or run the tests as a user other than root so that the"
              + " embedded PostgreSQL can start.");
    }
    try {
      EmbeddedDatabase embedded =
          EmbeddedDatabase.start(Files.createTempDirectory("marketplace-test-pg"), 0);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(embedded)));
      server = embedded.database("postgres");
      return server;
    } catch (Exception e) {
      throw new IllegalStateException("The embedded PostgreSQL did not start: " + e, e);
    }
  }

  private static void closeQuietly(EmbeddedDatabase embedded) {
    try {
      embedded.close();
    } catch (Exception ignored) {
      // The JVM is exiting; the temporary folder goes with it.
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
