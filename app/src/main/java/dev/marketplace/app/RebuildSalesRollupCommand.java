package dev.marketplace.app;

import dev.marketplace.common.db.DatabasePool;
import dev.marketplace.common.db.DatabaseSettings;
import dev.marketplace.common.db.PoolSettings;
import dev.marketplace.order.analytics.RebuildSalesRollup;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.io.PrintStream;
import java.time.Duration;

/**
 * {@code java -jar marketplace.jar rebuild-sales-rollup}: recomputes the sales rollup behind seller
 * analytics from the orders (see {@link RebuildSalesRollup}), with the server running or not.
 */
final class RebuildSalesRollupCommand {

  static final String NAME = "rebuild-sales-rollup";

  private RebuildSalesRollupCommand() {}

  /** Runs the rebuild; returns the process's exit status. */
  static int run(DatabaseSettings database, PrintStream out, PrintStream err) {
    Vertx vertx = Vertx.vertx();
    Pool pool = DatabasePool.once(vertx, new PoolSettings(database, 4, Duration.ofSeconds(30)));
    long started = System.nanoTime();
    try {
      long sellers = new RebuildSalesRollup().run(pool).await();
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      out.printf(
          "Rebuilt the sales rollup from the orders of %d seller%s in %.1f s.%n",
          sellers, sellers == 1 ? "" : "s", took.toMillis() / 1000.0);
      return 0;
    } catch (Exception e) {
      err.println("marketplace: the rebuild failed and changed nothing: " + e.getMessage());
      return 1;
    } finally {
      pool.close().await();
      vertx.close().await();
    }
  }
}
