package dev.marketplace.common.bus;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.shareddata.Shareable;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a request on the event loop that read it, where the process serves its address on that loop
 * too. Without a cluster every domain verticle instance also listens on its address's twin for its
 * own event loop (a local address that names the loop, such as {@code
 * orders@vert.x-eventloop-thread-1}), and the edge sends to the twin of the loop it runs on when
 * one is served there. The handler then runs on the edge's thread, its connection from the pool is
 * one opened on that loop where one is free (the pool prefers them), and the reply comes back on
 * it: no event loop wakes another for the request. Where no twin is served on the edge's loop, or
 * the process is a cluster node, requests go to the address itself, as before, and the bus picks a
 * consumer. One per Vert.x instance.
 */
public final class SameLoopAddresses implements Shareable {

  private static final String SHARED_NAME = "marketplace.same-loop-addresses";

  private final Set<String> served = ConcurrentHashMap.newKeySet();

  private SameLoopAddresses() {}

  /** The twins of {@code vertx}'s process. */
  public static SameLoopAddresses of(Vertx vertx) {
    return vertx
        .sharedData()
        .<String, SameLoopAddresses>getLocalMap(SHARED_NAME)
        .computeIfAbsent(SHARED_NAME, name -> new SameLoopAddresses());
  }

  /**
   * Serves {@code address}'s twin for the calling event loop with {@code handler}; null, serving
   * nothing, in a cluster (where the bus chooses among nodes) or off an event loop.
   */
  <T> MessageConsumer<T> serveHere(Vertx vertx, String address, Handler<Message<T>> handler) {
    Context context = Vertx.currentContext();
    if (vertx.isClustered() || context == null || !context.isEventLoopContext()) {
      return null;
    }
    String twin = twinHere(address);
    MessageConsumer<T> consumer = vertx.eventBus().localConsumer(twin, handler);
    served.add(twin);
    return consumer;
  }

  /**
   * Where a request to {@code address} sent from the calling thread goes: the twin on this event
   * loop if a verticle serves one there, else null. A twin that stopped serving since (a drained
   * process) answers {@code NO_HANDLERS}, and the request goes to the address itself.
   */
  public String servedHere(String address) {
    String twin = twinHere(address);
    return served.contains(twin) ? twin : null;
  }

  private static String twinHere(String address) {
    // An event loop is one thread for its whole life, named uniquely within its Vert.x instance.
    return address + "@" + Thread.currentThread().getName();
  }
}
