package dev.marketplace.api;

import dev.marketplace.common.bus.BusAddress;
import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.InternalAction;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The order event id up to which every event is final: committed, or rolled back and never to
 * appear. Live streams read only up to it. Event ids come from a sequence, taken before their
 * transactions commit, so events commit out of id order; a stream that read past this mark could
 * step over an event that commits later under a smaller id, and a client resuming after the larger
 * one would never get it.
 *
 * <p>The order verticle tells the last id handed out and the transactions still writing events.
 * That id is final once a later look finds none of those transactions writing. Looks happen only
 * while someone waits for a mark, at most one every {@value #SPACING_MILLIS} ms: an event reaches
 * its streams a few milliseconds after its commit, or, behind a long transaction that writes
 * events, when that transaction ends. Everything runs on the owning verticle's event loop.
 */
final class EventWatermark {

  private static final long SPACING_MILLIS = 20;
  private static final long RETRY_MILLIS = 1000;

  private final Vertx vertx;
  private final long timeoutMillis;
  // Positions looked at and not yet final, oldest first.
  private final Deque<Look> open = new ArrayDeque<>();
  // Those waiting for a mark taken after they asked.
  private List<Promise<Long>> waiting = new ArrayList<>();
  private boolean looking;
  private long lastLookAt;

  EventWatermark(Vertx vertx, long timeoutMillis) {
    this.vertx = vertx;
    this.timeoutMillis = timeoutMillis;
  }

  /** A final id that covers every event committed before this call. */
  Future<Long> next() {
    Promise<Long> mark = Promise.promise();
    waiting.add(mark);
    schedule(SPACING_MILLIS);
    return mark.future();
  }

  private void schedule(long spacing) {
    if (looking || (waiting.isEmpty() && open.isEmpty())) {
      return;
    }
    looking = true;
    long wait = lastLookAt + spacing - System.currentTimeMillis();
    if (wait <= 0) {
      look();
    } else {
      vertx.setTimer(wait, tick -> look());
    }
  }

  private void look() {
    List<Promise<Long>> asked = waiting;
    waiting = new ArrayList<>();
    lastLookAt = System.currentTimeMillis();
    vertx
        .eventBus()
        .<String>request(
            BusAddress.ORDERS.value(),
            new BusRequest(null, null, null, null, new JsonObject()).toJson(),
            BusRequest.deliveryOf(InternalAction.ORDER_EVENT_POSITION, timeoutMillis))
        .onComplete(
            reply -> {
              looking = false;
              if (reply.failed()) {
                asked.forEach(mark -> mark.fail(reply.cause()));
                schedule(RETRY_MILLIS);
                return;
              }
              JsonObject position = new JsonObject(reply.result().body());
              Set<String> writing = writers(position.getJsonArray("writers"));
              open.addLast(new Look(position.getLong("last_id"), writing, asked));
              settle(writing);
              schedule(SPACING_MILLIS);
            });
  }

  /**
   * Completes the newest look none of whose writers is still writing, and every older one with it:
   * whatever was still being written when an older look was taken, ended before the newer one.
   */
  private void settle(Set<String> writing) {
    Look newestFinal = null;
    for (Iterator<Look> newestFirst = open.descendingIterator(); newestFirst.hasNext(); ) {
      Look look = newestFirst.next();
      if (Collections.disjoint(look.writers(), writing)) {
        newestFinal = look;
        break;
      }
    }
    if (newestFinal == null) {
      return;
    }
    Look done;
    do {
      done = open.removeFirst();
      long lastId = newestFinal.lastId();
      done.asked().forEach(mark -> mark.complete(lastId));
    } while (done != newestFinal);
  }

  private static Set<String> writers(JsonArray writers) {
    Set<String> ids = new HashSet<>();
    writers.forEach(id -> ids.add((String) id));
    return ids;
  }

  /** One look: the last id handed out, who was writing then, and who waits for it to be final. */
  private record Look(long lastId, Set<String> writers, List<Promise<Long>> asked) {}
}
