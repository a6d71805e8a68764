package dev.marketplace.common.db;

import dev.marketplace.common.bus.DatabaseOutageLog;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.shareddata.Shareable;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnectOptions;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds, among the hosts of the database, the one that accepts writes, as libpq's {@code
 * target_session_attrs=read-write} does: a host that is not in recovery and whose sessions are not
 * read-only. The process's pool asks it where to open each new connection ({@link #get()}).
 *
 * <p>Each host is asked over a connection kept for that purpose, so that a check costs one query
 * rather than a login. The host found is trusted for {@link #CHECK_INTERVAL}; the locator checks it
 * again that often, and whenever the pool needs a connection after that. So after a failover the
 * pool's connections to the old primary close (a stopped server closes them), the next connection
 * asks again, and goes to the promoted standby as soon as it accepts writes; meanwhile no host
 * does, and the connection fails at once with {@link NoPrimaryException} (a 503), asking again at
 * most every {@link #RETRY_INTERVAL}.
 *
 * <p>A primary that turns read-only without going down (an operator fencing it with {@code
 * default_transaction_read_only}, a managed service protecting a full disk) keeps our connections
 * open, each answering SQLSTATE 25006. When the locator finds the host it knew as primary
 * read-only, it ends our sessions there ({@code pg_terminate_backend} of the sessions named by this
 * process's {@code application_name}, which needs no privilege for one's own sessions), so that the
 * pool drops them and connects anew wherever writes go now.
 *
 * <p>One per Vert.x instance and database, shared by every verticle's use of the pool.
 */
final class PrimaryLocator implements Supplier<Future<SqlConnectOptions>>, Shareable {

  /** How long a host found writable is trusted before it is asked again. */
  static final Duration CHECK_INTERVAL = Duration.ofMillis(500);

  /** How soon to ask again after no host accepted writes. */
  static final Duration RETRY_INTERVAL = Duration.ofMillis(100);

  private static final Logger LOG = LoggerFactory.getLogger(PrimaryLocator.class);
  private static final String SHARED_NAME = "marketplace.primary-locators";

  private static final String CHECK =
      "SELECT pg_is_in_recovery() AS standby,"
          + " current_setting('transaction_read_only') = 'on' AS read_only";
  private static final String END_OUR_SESSIONS =
      "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
          + " WHERE application_name = $1 AND pid <> pg_backend_pid()";

  private final Vertx vertx;
  private final DatabaseSettings database;
  private final String applicationName;
  private final long timeoutMillis;
  private final Map<DatabaseHost, Pool> probes = new LinkedHashMap<>();

  private DatabaseHost primary;
  private long checkedAt = System.nanoTime() - CHECK_INTERVAL.toNanos();
  private Future<DatabaseHost> round;

  private PrimaryLocator(Vertx vertx, DatabaseSettings database, Duration timeout) {
    this.vertx = vertx;
    this.database = database;
    // Names this process's sessions in pg_stat_activity, so that it can end its own.
    this.applicationName =
        "marketplace " + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    this.timeoutMillis = Math.max(50, timeout.toMillis());
    for (DatabaseHost host : database.hosts()) {
      probes.put(host, probePool(host));
    }
    vertx.setPeriodic(CHECK_INTERVAL.toMillis(), id -> checkIfDue());
  }

  /**
   * The locator of {@code database} for {@code vertx}'s process; each check of a host gives up
   * after {@code timeout}.
   */
  static PrimaryLocator of(Vertx vertx, DatabaseSettings database, Duration timeout) {
    return vertx
        .sharedData()
        .<String, PrimaryLocator>getLocalMap(SHARED_NAME)
        .computeIfAbsent(database.uri(), key -> new PrimaryLocator(vertx, database, timeout));
  }

  /** Connect options for the host that accepts writes, or a failed future if none does now. */
  @Override
  public synchronized Future<SqlConnectOptions> get() {
    long sinceCheck = System.nanoTime() - checkedAt;
    Future<DatabaseHost> found = round;
    if (found == null) {
      if (primary != null && sinceCheck < CHECK_INTERVAL.toNanos()) {
        return Future.succeededFuture(options(primary));
      }
      if (primary == null && sinceCheck < RETRY_INTERVAL.toNanos()) {
        return Future.failedFuture(noPrimary("no host accepted writes a moment ago"));
      }
      // The check may end before it returns (a probe that fails at once): keep our own handle.
      found = check();
    }
    return found.map(this::options);
  }

  private synchronized void checkIfDue() {
    if (round == null && System.nanoTime() - checkedAt >= CHECK_INTERVAL.toNanos()) {
      check();
    }
  }

  /** Asks every host at once; the first that accepts writes is the primary. */
  private Future<DatabaseHost> check() {
    Promise<DatabaseHost> found = Promise.promise();
    List<String> answers = new ArrayList<>();
    AtomicInteger pending = new AtomicInteger(probes.size());
    DatabaseHost previous = primary;
    round = found.future();
    probes.forEach(
        (host, probe) ->
            probe
                .query(CHECK)
                .execute()
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .onComplete(
                    answer -> {
                      String refusal = null;
                      if (answer.failed()) {
                        refusal = host + " did not answer (" + answer.cause().getMessage() + ")";
                      } else {
                        Row row = answer.result().iterator().next();
                        if (row.getBoolean("standby")) {
                          refusal = host + " is a standby";
                        } else if (row.getBoolean("read_only")) {
                          refusal = host + " is read-only";
                        }
                      }
                      if (refusal == null) {
                        found.tryComplete(host);
                      } else {
                        synchronized (answers) {
                          answers.add(refusal);
                        }
                        if (host.equals(previous) && answer.succeeded()) {
                          endOurSessions(host, probe);
                        }
                      }
                      if (pending.decrementAndGet() == 0) {
                        found.tryFail(noPrimary(String.join("; ", answers)));
                      }
                    }));
    Future<DatabaseHost> outcome = found.future();
    outcome.onComplete(done -> checked(done.succeeded() ? done.result() : null));
    return outcome;
  }

  private synchronized void checked(DatabaseHost found) {
    DatabaseHost previous = primary;
    primary = found;
    checkedAt = System.nanoTime();
    round = null;
    if (found == null || found.equals(previous) || database.hosts().size() == 1) {
      return;
    }
    vertx
        .sharedData()
        .<String, String>getLocalMap(DatabaseOutageLog.PRIMARY_KEY)
        .put(DatabaseOutageLog.PRIMARY_KEY, found.toString());
    if (previous == null && !DatabaseOutageLog.of(vertx).down()) {
      LOG.info("Writes go to the primary at {} (of {})", found, database.hosts());
    } else if (previous != null && !DatabaseOutageLog.of(vertx).down()) {
      // During an outage, the outage log names the new primary when requests succeed again.
      LOG.info("Writes go to the primary at {} now (was {})", found, previous);
    }
  }

  /**
   * The host we wrote to answers read-only while up: our pool's connections to it would each answer
   * 25006 until they close, so close them.
   */
  private void endOurSessions(DatabaseHost host, Pool probe) {
    probe
        .preparedQuery(END_OUR_SESSIONS)
        .execute(Tuple.of(applicationName))
        .onSuccess(
            ended -> {
              long count = ended.iterator().next().getLong(0);
              if (count > 0) {
                LOG.warn(
                    "{} no longer accepts writes: closed this process's {} connections to it",
                    host,
                    count);
              }
            });
  }

  private SqlConnectOptions options(DatabaseHost host) {
    return database.connectOptions(host).addProperty("application_name", applicationName);
  }

  private Pool probePool(DatabaseHost host) {
    return PgBuilder.pool()
        .with(
            new PoolOptions()
                .setName("marketplace-probe-" + host)
                .setMaxSize(1)
                .setConnectionTimeout((int) timeoutMillis)
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS))
        .with(new NetClientOptions().setConnectTimeout((int) timeoutMillis))
        .connectingTo(
            database.connectOptions(host).addProperty("application_name", "marketplace-probe"))
        .using(vertx)
        .build();
  }

  private NoPrimaryException noPrimary(String why) {
    return new NoPrimaryException("No database host accepts writes (" + why + ")");
  }
}
