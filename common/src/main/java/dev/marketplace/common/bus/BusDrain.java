package dev.marketplace.common.bus;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.shareddata.Shareable;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request consumers of one process, so that a node being stopped leaves the cluster without
 * failing a request: it first stops taking bus requests (its consumers leave the cluster's
 * registry, and the others send elsewhere; a request already on its way here is refused with {@code
 * NO_HANDLERS}, which the api sends again to another node, as nothing ran), then waits for the
 * requests it took to be answered, and only then may it close. One per Vert.x instance, shared by
 * every {@link OperationDispatcher}.
 */
public final class BusDrain implements Shareable {

  private static final Logger LOG = LoggerFactory.getLogger(BusDrain.class);
  private static final String SHARED_NAME = "marketplace.bus-drain";

  /** Time for requests sent before the others heard that we left to arrive and be refused. */
  static final Duration SETTLE = Duration.ofMillis(500);

  private final Set<MessageConsumer<?>> consumers = ConcurrentHashMap.newKeySet();
  private final AtomicInteger inFlight = new AtomicInteger();

  BusDrain() {}

  /** The drain of {@code vertx}'s process. */
  public static BusDrain of(Vertx vertx) {
    return vertx
        .sharedData()
        .<String, BusDrain>getLocalMap(SHARED_NAME)
        .computeIfAbsent(SHARED_NAME, name -> new BusDrain());
  }

  void serving(MessageConsumer<?> consumer) {
    consumers.add(consumer);
  }

  void started() {
    inFlight.incrementAndGet();
  }

  void answered() {
    inFlight.decrementAndGet();
  }

  /** Requests taken and not yet answered. */
  public int inFlight() {
    return inFlight.get();
  }

  /**
   * Stops taking requests, then completes once every request taken has been answered, or after
   * {@code limit}, whichever comes first.
   */
  public Future<Void> drain(Vertx vertx, Duration limit) {
    List<Future<Void>> leaving = consumers.stream().map(MessageConsumer::unregister).toList();
    consumers.clear();
    long started = System.nanoTime();
    long settleBy = started + SETTLE.toNanos();
    long deadline = started + Math.max(limit.toNanos(), SETTLE.toNanos());
    Promise<Void> drained = Promise.promise();
    Future.join(leaving).onComplete(left -> waitForAnswers(vertx, drained, settleBy, deadline));
    return drained.future();
  }

  private void waitForAnswers(Vertx vertx, Promise<Void> drained, long settleBy, long deadline) {
    long now = System.nanoTime();
    if (now >= settleBy && inFlight.get() == 0) {
      LOG.info("Bus requests drained: no longer taking any, none in flight");
      drained.tryComplete();
    } else if (now >= deadline) {
      LOG.warn("Bus drain ended with {} request(s) still in flight", inFlight.get());
      drained.tryComplete();
    } else {
      vertx.setTimer(20, tick -> waitForAnswers(vertx, drained, settleBy, deadline));
    }
  }
}
