package dev.marketplace.api;

import dev.marketplace.common.bus.BusAddress;
import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.Caller;
import dev.marketplace.common.bus.InternalAction;
import dev.marketplace.common.bus.Topics;
import dev.marketplace.common.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Server-sent events of a buyer's or seller's order changes, read from the order history in id
 * order. A change published over the event bus, from whichever node made it, only wakes the streams
 * of its buyer and seller: each then reads its owner's events up to the {@link EventWatermark}, the
 * id below which no event can still appear. Event ids come from a sequence, taken before their
 * transactions commit; reading only up to that mark, a stream never sends an event before one with
 * a smaller id that is still being written, so a client resuming with {@code Last-Event-ID} gets
 * exactly the events after it: none lost, none twice.
 *
 * <p>The history is the source, the bus only the prompt. An event whose publication was lost (its
 * node died just after the commit, or could not reach this one) is sent with the owner's next
 * change, or when the cluster's membership changes, which wakes every stream.
 *
 * <p>Each verticle instance listens to the events once and wakes its own streams of that buyer and
 * seller: a client connecting or leaving changes nothing in the cluster's registry of consumers,
 * which every node would otherwise have to hear about.
 */
final class OrderEventStream {

  private static final int PAGE = 500;
  private static final long RETRY_MILLIS = 1000;

  private final Vertx vertx;
  private final long heartbeatMillis;
  private final long timeoutMillis;
  private final EventWatermark watermark;
  // By owner ("buyer_id:7", "seller_id:3"); touched only on this verticle's event loop.
  private final Map<String, Set<Subscription>> subscriptions = new HashMap<>();

  OrderEventStream(Vertx vertx, long heartbeatMillis, long timeoutMillis) {
    this.vertx = vertx;
    this.heartbeatMillis = heartbeatMillis;
    this.timeoutMillis = timeoutMillis;
    this.watermark = new EventWatermark(vertx, timeoutMillis);
  }

  /** Starts listening to order events; completes once the cluster delivers them here. */
  Future<Void> listen() {
    vertx.eventBus().localConsumer(Topics.MEMBERSHIP_CHANGED, changed -> wakeAll());
    return vertx
        .eventBus()
        .<JsonObject>consumer(Topics.ORDER_EVENTS, message -> wake(message.body()))
        .completion();
  }

  /**
   * Wakes every stream: after a membership change, an event may have been committed by a node that
   * died before publishing it, or published by one this node could not hear (a partition, a hang).
   */
  private void wakeAll() {
    List<Subscription> open = new ArrayList<>();
    subscriptions.values().forEach(open::addAll);
    open.forEach(Subscription::wake);
  }

  private void wake(JsonObject event) {
    for (String owner : List.of("buyer_id", "seller_id")) {
      Set<Subscription> interested = subscriptions.get(owner + ":" + event.getLong(owner));
      if (interested != null) {
        long eventId = event.getLong("id");
        List.copyOf(interested).forEach(subscription -> subscription.heard(eventId));
      }
    }
  }

  Handler<RoutingContext> handler(String ownerParameter) {
    return rc -> {
      Caller caller = rc.get(BearerAuthentication.CALLER);
      ValidatedRequest validated = rc.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
      long ownerId = ((Number) validated.getPathParameters().get(ownerParameter).get()).longValue();
      if (ownerId != caller.accountId()) {
        rc.fail(
            new HttpException(
                ErrorCode.FORBIDDEN.httpStatus(),
                ownerParameter + " must be your own account id."));
        return;
      }
      RequestParameter lastEventId = validated.getHeaders().get("Last-Event-ID");
      Long resumeAfter =
          lastEventId == null || lastEventId.isNull()
              ? null
              : Long.parseLong(lastEventId.get().toString());
      Subscription subscription = new Subscription(rc.response(), caller, ownerParameter, ownerId);
      // A server shutting down ends the stream, so the client resumes elsewhere with Last-Event-ID.
      rc.request().connection().shutdownHandler(draining -> subscription.end());
      subscription.open(resumeAfter);
    };
  }

  /** One client's stream. All of it runs on the request's event loop. */
  private final class Subscription {

    private final HttpServerResponse response;
    private final Caller caller;
    private final String ownerField;
    private final long ownerId;
    // Every event of the owner up to this id has been sent; -1 until the stream knows its start.
    private long sentUpTo = -1;
    // The smallest event id heard of while a new stream was learning where to start.
    private long firstHeard = Long.MAX_VALUE;
    private boolean reading;
    private boolean woken;
    private boolean closed;
    private long heartbeat;

    Subscription(HttpServerResponse response, Caller caller, String ownerField, long ownerId) {
      this.response = response;
      this.caller = caller;
      this.ownerField = ownerField;
      this.ownerId = ownerId;
    }

    void open(Long resumeAfter) {
      response
          .setChunked(true)
          .putHeader("content-type", "text/event-stream")
          .putHeader("cache-control", "no-cache")
          .putHeader("x-accel-buffering", "no");
      subscriptions.computeIfAbsent(key(), owner -> new HashSet<>()).add(this);
      heartbeat = vertx.setPeriodic(heartbeatMillis, tick -> response.write(": heartbeat\n\n"));
      response.closeHandler(gone -> close());
      // Changes wake the stream from here on, so nothing falls between them and its start.
      if (resumeAfter != null) {
        response.write(": connected\n\n");
        sentUpTo = resumeAfter;
        wake();
      } else {
        start();
      }
    }

    /**
     * A new stream starts after the mark, sent as a message with only an id: a client whose
     * connection drops before its first event then still resumes from there, instead of losing what
     * happened while it was away. It says it is connected only then: every event committed after a
     * client reads ": connected" has an id above the mark, since every id up to the mark was final
     * before.
     */
    private void start() {
      reading = true;
      watermark
          .next()
          .onComplete(
              mark -> {
                reading = false;
                if (closed) {
                  return;
                }
                if (mark.failed()) {
                  vertx.setTimer(RETRY_MILLIS, retry -> start());
                  return;
                }
                // An event heard of since the stream opened is after its start, even if the mark
                // taken meanwhile already covers it.
                sentUpTo = Math.min(mark.result(), firstHeard - 1);
                response.write(": connected\n\nid: " + sentUpTo + "\n\n");
                if (woken) {
                  wake();
                }
              });
    }

    /** The owner's orders have a new event. */
    void heard(long eventId) {
      if (sentUpTo < 0) {
        firstHeard = Math.min(firstHeard, eventId);
      }
      wake();
    }

    /** Something may have happened to the owner's orders: read and send it, once final. */
    void wake() {
      woken = true;
      if (reading || closed || sentUpTo < 0) {
        return;
      }
      woken = false;
      reading = true;
      watermark
          .next()
          .compose(this::sendUpTo)
          .onComplete(
              sent -> {
                reading = false;
                if (sent.failed() && !closed) {
                  vertx.setTimer(RETRY_MILLIS, retry -> wake());
                } else if (woken) {
                  wake();
                }
              });
    }

    /** Sends the owner's events after the last one sent, up to {@code mark}, a page at a time. */
    private Future<Void> sendUpTo(long mark) {
      if (closed || mark <= sentUpTo) {
        return Future.succeededFuture();
      }
      JsonObject query =
          new JsonObject().put("after", sentUpTo).put("until", mark).put("limit", PAGE);
      return vertx
          .eventBus()
          .<String>request(
              BusAddress.ORDERS.value(),
              new BusRequest(caller, null, null, null, query).toJson(),
              BusRequest.deliveryOf(InternalAction.ORDER_EVENTS_SINCE, timeoutMillis))
          .compose(
              reply -> {
                JsonArray events = new JsonObject(reply.body()).getJsonArray("events");
                for (Object event : events) {
                  send((JsonObject) event);
                }
                if (events.size() == PAGE) {
                  return sendUpTo(mark);
                }
                sentUpTo = mark;
                return Future.succeededFuture();
              });
    }

    private void send(JsonObject event) {
      long id = event.getLong("id");
      sentUpTo = id;
      if (!closed) {
        response.write("id: " + id + "\nevent: order\ndata: " + event.encode() + "\n\n");
      }
    }

    private String key() {
      return ownerField + ":" + ownerId;
    }

    void end() {
      close();
      if (!response.ended() && !response.closed()) {
        response.end();
      }
    }

    private void close() {
      closed = true;
      vertx.cancelTimer(heartbeat);
      Set<Subscription> same = subscriptions.get(key());
      if (same != null && same.remove(this) && same.isEmpty()) {
        subscriptions.remove(key());
      }
    }
  }
}
