package dev.marketplace.app;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something the system does on its own, such as a cluster noticing a node left. */
final class Eventually {

  private Eventually() {}

  /** Returns once {@code condition} holds; fails if it does not within {@code within}. */
  static void until(BooleanSupplier condition, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + within);
      }
      Thread.sleep(20);
    }
  }
}
