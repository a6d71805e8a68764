package dev.marketplace.common.db;

import io.vertx.pgclient.PgConnectOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where the PostgreSQL database is and how to log in to it. */
public record DatabaseSettings(
    String host, int port, String database, String user, String password) {

  /** Parses a {@code postgresql://user:pass@host:port/db} URI. */
  public static DatabaseSettings fromUri(String uri) {
    PgConnectOptions options;
    try {
      options = PgConnectOptions.fromUri(uri);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "Not a PostgreSQL URI (expected postgresql://user:password@host:port/database)", e);
    }
    return new DatabaseSettings(
        options.getHost(),
        options.getPort(),
        options.getDatabase(),
        options.getUser(),
        options.getPassword());
  }

  public DatabaseSettings withDatabase(String otherDatabase) {
    return new DatabaseSettings(host, port, otherDatabase, user, password);
  }

  public PgConnectOptions connectOptions() {
    PgConnectOptions options =
        new PgConnectOptions()
            .setHost(host)
            .setPort(port)
            .setDatabase(database)
            .setUser(user)
            .setCachePreparedStatements(true)
            .setPreparedStatementCacheMaxSize(512);
    if (password != null) {
      options.setPassword(password);
    }
    return options;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + encode(database);
  }

  public String uri() {
    String credentials =
        encode(user) + (password == null || password.isEmpty() ? "" : ":" + encode(password));
    return "postgresql://" + credentials + "@" + host + ":" + port + "/" + encode(database);
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8);
  }
}
