package dev.marketplace.common.db;

import io.vertx.pgclient.PgConnectOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where the PostgreSQL database is and how to log in to it: one server, or several that hold the
 * same database (a primary and its standbys, in any order), as libpq's multi-host URI lists them.
 */
public record DatabaseSettings(
    List<DatabaseHost> hosts, String database, String user, String password) {

  /**
   * How long a session may sit inside a transaction without sending anything before the server ends
   * it and releases its locks. Our transactions send their statements back to back and wait on
   * nothing else (no HTTP call, no bus request), so only a process that froze (SIGSTOP, a stalled
   * VM) or lost its network ever reaches this; without it, such a process would hold its row locks
   * (an order, a seller's sales-rollup rows) and stall every other node's writes to them until it
   * woke up.
   */
  public static final Duration IDLE_IN_TRANSACTION = Duration.ofSeconds(2);

  /**
   * How long a statement waits for a row lock before it gives up (SQLSTATE 55P03, answered 503).
   * Longer than {@link #IDLE_IN_TRANSACTION}, so that a lock held by a frozen session is released
   * to its waiters rather than failing them, and shorter than a request's timeout.
   */
  public static final Duration LOCK_WAIT = Duration.ofSeconds(4);

  private static final String EXPECTED =
      "expected postgresql://user:password@host:port/database, or several host:port separated by"
          + " commas";

  // Scheme, then the authority up to the path or query: user info and a comma-separated host list.
  private static final Pattern URI =
      Pattern.compile("^(postgres(?:ql)?://)([^/?#]*)(.*)$", Pattern.DOTALL);

  public DatabaseSettings {
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("A database needs at least one host");
    }
    hosts = List.copyOf(hosts);
  }

  /** One server. */
  public DatabaseSettings(String host, int port, String database, String user, String password) {
    this(List.of(new DatabaseHost(host, port)), database, user, password);
  }

  /**
   * Parses a {@code postgresql://user:pass@host:port/db} URI, or libpq's multi-host form {@code
   * postgresql://user:pass@host1:5432,host2:5432/db}.
   */
  public static DatabaseSettings fromUri(String uri) {
    Matcher parts = URI.matcher(uri == null ? "" : uri.strip());
    if (!parts.matches()) {
      throw new IllegalArgumentException("Not a PostgreSQL URI (" + EXPECTED + ")");
    }
    String authority = parts.group(2);
    int at = authority.lastIndexOf('@');
    String userInfo = at < 0 ? "" : authority.substring(0, at + 1);
    String hostList = authority.substring(at + 1);
    List<String> entries = hostList.isEmpty() ? List.of("") : List.of(hostList.split(",", -1));
    List<DatabaseHost> hosts = new ArrayList<>(entries.size());
    PgConnectOptions first = null;
    for (String entry : entries) {
      if (entry.isEmpty() && entries.size() > 1) {
        throw new IllegalArgumentException("Not a PostgreSQL URI: an empty host in " + hostList);
      }
      PgConnectOptions options = parse(parts.group(1) + userInfo + entry + parts.group(3));
      hosts.add(new DatabaseHost(options.getHost(), options.getPort()));
      first = first == null ? options : first;
    }
    if (hosts.stream().distinct().count() < hosts.size()) {
      throw new IllegalArgumentException("Not a PostgreSQL URI: a host is listed twice");
    }
    return new DatabaseSettings(hosts, first.getDatabase(), first.getUser(), first.getPassword());
  }

  private static PgConnectOptions parse(String oneHost) {
    try {
      return PgConnectOptions.fromUri(oneHost);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Not a PostgreSQL URI (" + EXPECTED + ")", e);
    }
  }

  public DatabaseSettings withDatabase(String otherDatabase) {
    return new DatabaseSettings(hosts, otherDatabase, user, password);
  }

  /** The one server of a single-host database; refused for a list, which needs a choice. */
  public DatabaseHost host() {
    if (hosts.size() != 1) {
      throw new IllegalStateException("The database has several hosts: " + hosts);
    }
    return hosts.get(0);
  }

  /** How to reach the one server of a single-host database (see {@link #host()}). */
  public PgConnectOptions connectOptions() {
    return connectOptions(host());
  }

  /** How to reach {@code server}, one of {@link #hosts()}. */
  public PgConnectOptions connectOptions(DatabaseHost server) {
    PgConnectOptions options =
        new PgConnectOptions()
            .setHost(server.host())
            .setPort(server.port())
            .setDatabase(database)
            .setUser(user)
            .setCachePreparedStatements(true)
            .setPreparedStatementCacheMaxSize(512)
            .addProperty(
                "idle_in_transaction_session_timeout", IDLE_IN_TRANSACTION.toMillis() + "ms")
            .addProperty("lock_timeout", LOCK_WAIT.toMillis() + "ms");
    if (password != null) {
      options.setPassword(password);
    }
    return options;
  }

  /**
   * For JDBC (Flyway): with several hosts, the driver connects to the one that accepts writes, as
   * libpq's {@code target_session_attrs=read-write} does.
   */
  public String jdbcUrl() {
    String url = "jdbc:postgresql://" + hostList() + "/" + encode(database);
    return hosts.size() == 1 ? url : url + "?targetServerType=primary";
  }

  public String uri() {
    String credentials =
        encode(user) + (password == null || password.isEmpty() ? "" : ":" + encode(password));
    return "postgresql://" + credentials + "@" + hostList() + "/" + encode(database);
  }

  private String hostList() {
    return hosts.stream().map(DatabaseHost::toString).collect(Collectors.joining(","));
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8);
  }
}
