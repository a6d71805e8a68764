package dev.marketplace.common.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server started from binaries shipped as a Maven artifact, for a zero-config
 * start and for tests on a machine without a database. Its data stays in a folder across restarts.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** PostgreSQL refuses to run as root; say so before trying. */
  public static boolean refusedForCurrentUser() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Starts (or restarts on the existing data of) a server in {@code dataDirectory}. */
  public static EmbeddedDatabase start(Path dataDirectory, int port) throws IOException {
    Files.createDirectories(dataDirectory);
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false);
    if (port > 0) {
      builder.setPort(port);
    }
    return new EmbeddedDatabase(builder.start());
  }

  /** Settings for {@code database} on this server, creating it when missing. */
  public DatabaseSettings database(String database) throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      try (ResultSet exists =
          statement.executeQuery(
              "SELECT 1 FROM pg_database WHERE datname = '" + database.replace("'", "''") + "'")) {
        if (!exists.next()) {
          statement.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
        }
      }
    }
    return new DatabaseSettings("localhost", postgres.getPort(), database, "postgres", null);
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
