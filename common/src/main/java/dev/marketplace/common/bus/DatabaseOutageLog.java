package dev.marketplace.common.bus;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a database outage as an operator wants to read it: the moment it starts (once, with the
 * cause), a summary at most every {@link #SUMMARY_INTERVAL} while it lasts, and the moment it ends,
 * however many requests it refuses meanwhile. One per Vert.x instance, shared by every verticle, so
 * that an outage is told once rather than once per verticle instance and request.
 */
public final class DatabaseOutageLog implements Shareable {

  static final Duration SUMMARY_INTERVAL = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageLog.class);
  private static final String SHARED_NAME = "marketplace.database-outage-log";

  /** Where the process's primary is named, when the database has several hosts. */
  public static final String PRIMARY_KEY = "marketplace.database-primary";

  private final LongSupplier nanoClock;
  private final long intervalNanos;
  private final Supplier<String> primary;

  private volatile boolean down;
  private long downSince;
  private long lastReport;
  private long refusedSinceReport;
  private long refusedInOutage;
  private String lastCause;

  DatabaseOutageLog(LongSupplier nanoClock, Duration summaryInterval, Supplier<String> primary) {
    this.nanoClock = nanoClock;
    this.intervalNanos = summaryInterval.toNanos();
    this.primary = primary;
  }

  /** The log of {@code vertx}'s process. */
  public static DatabaseOutageLog of(Vertx vertx) {
    return vertx
        .sharedData()
        .<String, DatabaseOutageLog>getLocalMap(SHARED_NAME)
        .computeIfAbsent(
            SHARED_NAME,
            name ->
                new DatabaseOutageLog(System::nanoTime, SUMMARY_INTERVAL, () -> primaryOf(vertx)));
  }

  /**
   * Where writes go, when the database has several hosts and one has been found: the {@code
   * PrimaryLocator} of {@code dev.marketplace.common.db} leaves it under {@value #PRIMARY_KEY}.
   */
  private static String primaryOf(Vertx vertx) {
    return vertx.sharedData().<String, String>getLocalMap(PRIMARY_KEY).get(PRIMARY_KEY);
  }

  /** A request was refused because the database is unavailable. */
  public synchronized void refused(String where, Throwable cause) {
    long now = nanoClock.getAsLong();
    lastCause = cause.toString();
    refusedInOutage++;
    if (!down) {
      down = true;
      downSince = now;
      lastReport = now;
      refusedSinceReport = 0;
      LOG.warn(
          "Database unavailable ({} failed: {}); requests that need it answer 503 until it is back",
          where,
          lastCause);
      return;
    }
    refusedSinceReport++;
    if (now - lastReport >= intervalNanos) {
      LOG.warn(
          "Database still unavailable after {} s: {} more requests answered 503 (last cause: {})",
          seconds(now - downSince),
          refusedSinceReport,
          lastCause);
      lastReport = now;
      refusedSinceReport = 0;
    }
  }

  /** Whether requests are being refused for want of the database. */
  public boolean down() {
    return down;
  }

  /** The database answered; ends an outage if one was going on. */
  public void served() {
    served(nanoClock.getAsLong());
  }

  /**
   * The database answered a request that began at {@code startedAtNanos} ({@link System#nanoTime}):
   * ends an outage if one was going on, unless the request was already under way when it began (a
   * dying server may still answer what it had nearly done).
   */
  public void served(long startedAtNanos) {
    // A volatile read first: this runs on every successful request.
    if (!down) {
      return;
    }
    synchronized (this) {
      if (!down || startedAtNanos - downSince < 0) {
        return;
      }
      down = false;
      LOG.info(
          "Database available again after {} s{}; {} requests were answered 503 meanwhile",
          seconds(nanoClock.getAsLong() - downSince),
          primary.get() == null ? "" : ", writes go to the primary at " + primary.get(),
          refusedInOutage);
      refusedInOutage = 0;
    }
  }

  private static String seconds(long nanos) {
    return String.format("%.1f", nanos / 1e9);
  }
}
