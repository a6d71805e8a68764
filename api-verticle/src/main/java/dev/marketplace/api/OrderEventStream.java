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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Server-sent events of a buyer's or seller's order changes. Live events arrive over the event bus
 * from whichever node made the change. A client that reconnects with {@code Last-Event-ID} first
 * gets what it missed, read from the order history; live events that arrive meanwhile wait in a
 * queue and are sent after, without duplicates, so the client loses nothing.
 *
 * <p>Event ids come from a sequence, taken before their transactions commit, so two transactions on
 * one owner's orders can commit, and publish, in the opposite order to their ids. A live event is
 * therefore sent even when its id is below one already sent: only the events that the replay has
 * already sent are held back from the queue.
 *
 * <p>Each verticle instance listens to the events once and hands each to its own streams of that
 * buyer and seller: a client connecting or leaving changes nothing in the cluster's registry of
 * consumers, which every node would otherwise have to hear about.
 */
final class OrderEventStream {

  private static final int REPLAY_PAGE = 500;

  private final Vertx vertx;
  private final long heartbeatMillis;
  private final long timeoutMillis;
  // By owner ("buyer_id:7", "seller_id:3"); touched only on this verticle's event loop.
  private final Map<String, Set<Subscription>> subscriptions = new HashMap<>();

  OrderEventStream(Vertx vertx, long heartbeatMillis, long timeoutMillis) {
    this.vertx = vertx;
    this.heartbeatMillis = heartbeatMillis;
    this.timeoutMillis = timeoutMillis;
  }

  /** Starts listening to order events; completes once the cluster delivers them here. */
  Future<Void> listen() {
    vertx.eventBus().localConsumer(Topics.MEMBERSHIP_CHANGED, changed -> endAll());
    return vertx
        .eventBus()
        .<JsonObject>consumer(Topics.ORDER_EVENTS, message -> deliver(message.body()))
        .completion();
  }

  /**
   * Ends every stream, so that each client resumes with {@code Last-Event-ID} from the order
   * history: after a membership change, an event may have been committed by a node that died before
   * publishing it, or published by one this node could not hear (a partition, a hang).
   */
  private void endAll() {
    List<Subscription> open = new ArrayList<>();
    subscriptions.values().forEach(open::addAll);
    open.forEach(Subscription::end);
  }

  private void deliver(JsonObject event) {
    for (String owner : List.of("buyer_id", "seller_id")) {
      Set<Subscription> interested = subscriptions.get(owner + ":" + event.getLong(owner));
      if (interested != null) {
        List.copyOf(interested).forEach(subscription -> subscription.onLive(event));
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
    private final Deque<JsonObject> queued = new ArrayDeque<>();
    // Ids the replay sent, so that the same events queued live meanwhile are not sent twice.
    private final Set<Long> replayed = new HashSet<>();
    private boolean replaying;
    private long lastSent;
    private long heartbeat;

    Subscription(HttpServerResponse response, Caller caller, String ownerField, long ownerId) {
      this.response = response;
      this.caller = caller;
      this.ownerField = ownerField;
      this.ownerId = ownerId;
    }

    void open(Long resumeAfter) {
      // Live events queue until the stream knows where it starts: after the client's last event,
      // or for a new stream after the newest event so far, which is sent as a message with only
      // an id. A client whose connection drops before its first event then still resumes from
      // there, instead of losing what happened while it was away.
      replaying = true;
      lastSent = resumeAfter == null ? 0 : resumeAfter;
      response
          .setChunked(true)
          .putHeader("content-type", "text/event-stream")
          .putHeader("cache-control", "no-cache")
          .putHeader("x-accel-buffering", "no");
      subscriptions.computeIfAbsent(key(), owner -> new HashSet<>()).add(this);
      heartbeat = vertx.setPeriodic(heartbeatMillis, tick -> response.write(": heartbeat\n\n"));
      response.closeHandler(closed -> close());
      // Live events are queued from here on, so nothing falls between them and the replay.
      response.write(": connected\n\n");
      (resumeAfter != null ? replayAfter(lastSent) : announceStart())
          .onComplete(
              done -> {
                replaying = false;
                while (!queued.isEmpty()) {
                  JsonObject event = queued.poll();
                  if (!replayed.contains(event.getLong("id"))) {
                    send(event);
                  }
                }
                replayed.clear();
                if (done.failed()) {
                  response.end();
                }
              });
    }

    private String key() {
      return ownerField + ":" + ownerId;
    }

    private void onLive(JsonObject event) {
      if (replaying) {
        queued.add(event);
      } else {
        send(event);
      }
    }

    /** Sends the id of the newest event so far, for the client to resume from. */
    private Future<Void> announceStart() {
      return vertx
          .eventBus()
          .<String>request(
              BusAddress.ORDERS.value(),
              new BusRequest(caller, null, null, null, new JsonObject()).toJson(),
              BusRequest.deliveryOf(InternalAction.ORDER_EVENTS_SINCE, timeoutMillis))
          .map(
              reply -> {
                long latest = new JsonObject(reply.body()).getLong("latest");
                if (!response.closed()) {
                  response.write("id: " + latest + "\n\n");
                }
                return (Void) null;
              })
          // Without it the stream still works; only a drop before the first event could lose one.
          .otherwiseEmpty();
    }

    private Future<Void> replayAfter(long after) {
      JsonObject query = new JsonObject().put("after", after).put("limit", REPLAY_PAGE);
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
                  JsonObject replayedEvent = (JsonObject) event;
                  replayed.add(replayedEvent.getLong("id"));
                  send(replayedEvent);
                }
                return events.size() < REPLAY_PAGE
                    ? Future.succeededFuture()
                    : replayAfter(lastSent);
              });
    }

    private void send(JsonObject event) {
      long id = event.getLong("id");
      if (response.closed()) {
        return;
      }
      lastSent = Math.max(lastSent, id);
      response.write("id: " + id + "\nevent: order\ndata: " + event.encode() + "\n\n");
    }

    void end() {
      close();
      if (!response.ended() && !response.closed()) {
        response.end();
      }
    }

    private void close() {
      vertx.cancelTimer(heartbeat);
      Set<Subscription> same = subscriptions.get(key());
      if (same != null && same.remove(this) && same.isEmpty()) {
        subscriptions.remove(key());
      }
    }
  }
}
