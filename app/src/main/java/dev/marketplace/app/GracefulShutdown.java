package dev.marketplace.app;

import dev.marketplace.common.db.EmbeddedDatabase;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What SIGTERM does, in the order that loses nothing: the HTTP edge first stops accepting and lets
 * the requests in flight finish, up to the grace period, while every verticle they need still runs;
 * then the rest is undeployed and the shared pool closes with the last verticle using it; last the
 * embedded PostgreSQL, if this process started one, stops.
 *
 * <p>A request that the edge answered was committed first, and one that it could not finish within
 * the grace period is rolled back with its connection: a client never sees a success that is not
 * stored, nor misses the answer to an order that was.
 */
final class GracefulShutdown implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

  /** Time for the undeployment after the edge has drained, and for PostgreSQL to stop. */
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final Duration grace;
  private final AtomicReference<MarketplaceNode> node = new AtomicReference<>();
  private final AtomicReference<EmbeddedDatabase> embedded = new AtomicReference<>();

  GracefulShutdown(Duration grace) {
    this.grace = grace;
  }

  /** The running node, whose edge is drained before anything else is stopped. */
  void nodeStarted(MarketplaceNode started) {
    node.set(started);
  }

  /** The embedded PostgreSQL this process started, stopped last. */
  void databaseStarted(EmbeddedDatabase database) {
    embedded.set(database);
  }

  /** Registers this to run on SIGTERM (and on any other orderly JVM exit). */
  GracefulShutdown onExit() {
    Runtime.getRuntime().addShutdownHook(new Thread(this, "marketplace-shutdown"));
    return this;
  }

  @Override
  public void run() {
    long started = System.nanoTime();
    MarketplaceNode running = node.get();
    if (running != null) {
      LOG.info(
          "Shutting down: no new connections; requests in flight have up to {} s to finish",
          grace.toSeconds());
      await("draining the HTTP edge", running::drainEdge, grace.plus(CLOSE_TIMEOUT));
      await(
          "stopping the verticles, the database pool and cluster membership",
          running::stop,
          CLOSE_TIMEOUT);
    }
    EmbeddedDatabase database = embedded.get();
    if (database != null) {
      try {
        database.close();
      } catch (Exception e) {
        LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.toString());
      }
    }
    LOG.info("Stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  private static void await(String step, Supplier<Future<Void>> action, Duration limit) {
    try {
      action
          .get()
          .toCompletionStage()
          .toCompletableFuture()
          .get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.warn("Shutdown step '{}' did not complete cleanly: {}", step, e.toString());
    }
  }
}
