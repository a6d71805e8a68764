// Over 300 lines: registration, dispatch, idempotent writes and failure replies share one protocol.
package dev.marketplace.common.bus;

import dev.marketplace.common.error.ApiError;
import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.ErrorCode;
import dev.marketplace.common.idempotency.IdempotencyKeys;
import dev.marketplace.common.idempotency.IdempotencyKeys.Answer;
import dev.marketplace.common.idempotency.IdempotencyKeys.Claim;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the operations of one domain verticle on its event-bus address.
 *
 * <p>Replies carry the response body already encoded as JSON text, so that amounts keep their exact
 * decimal form wherever the message travels (a clustered event bus would otherwise turn them into
 * doubles). Failures carry the HTTP status as failure code and the error body as message.
 *
 * <p>{@link WriteOperation}s honour {@code Idempotency-Key} through the verticle's {@link
 * IdempotencyKeys}: the key is claimed in the transaction the work runs in. The edge forwards the
 * header only to operations whose contract declares it, so the contract says which operations take
 * a key; a key that reaches a handler that cannot honour it is a wiring bug, answered 500 rather
 * than silently ignored.
 *
 * <p>Besides its handlers, every address answers {@link InternalAction#READY} and {@link
 * InternalAction#LIST_ACTIONS}, with which the api verticle checks at start-up that every operation
 * the contract sends here has a handler, and that every operation that declares {@code
 * Idempotency-Key} has one that honours it. An action without a handler is a wiring bug, not a
 * missing resource: it is logged and answered 500.
 */
public final class OperationDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(OperationDispatcher.class);

  private final Vertx vertx;
  private final BusAddress busAddress;
  private final String address;

  /** The header, as the contract names it, that carries a client's idempotency key. */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final Map<String, OperationHandler> handlers = new TreeMap<>();
  private final Map<String, WriteOperation> writes = new TreeMap<>();
  private final Set<String> ownKeys = new TreeSet<>();
  private IdempotencyKeys idempotency;
  private final DatabaseOutageLog outages;
  private final BusDrain drain;
  private Supplier<Future<?>> readiness = Future::succeededFuture;
  private Supplier<Future<Long>> writePosition;

  public OperationDispatcher(Vertx vertx, BusAddress address) {
    this.vertx = vertx;
    this.busAddress = address;
    this.address = address.value();
    this.outages = DatabaseOutageLog.of(vertx);
    this.drain = BusDrain.of(vertx);
  }

  /**
   * Serves {@code action}: a contract operation the contract sends to this address, or an internal
   * action.
   */
  public OperationDispatcher on(BusAction action, OperationHandler handler) {
    String id = claim(action);
    if (action instanceof ApiOperation operation && operation.takesIdempotencyKey()) {
      throw new IllegalStateException(
          "The contract declares Idempotency-Key on "
              + id
              + ": serve it with a WriteOperation, whose key the dispatcher claims with its work");
    }
    handlers.put(id, handler);
    return this;
  }

  /**
   * Serves {@code action} with a write that honours {@code Idempotency-Key}; needs {@link
   * #idempotency}.
   */
  public OperationDispatcher on(BusAction action, WriteOperation write) {
    writes.put(claim(action), write);
    return this;
  }

  /**
   * Serves {@code action} with a handler that honours {@code Idempotency-Key} by itself. Only for
   * answers that must change after the first one (a payment the gateway settles later): every other
   * write is a {@link WriteOperation}.
   */
  public OperationDispatcher onWithOwnKeys(BusAction action, OperationHandler handler) {
    handlers.put(claim(action), handler);
    ownKeys.add(action.id());
    return this;
  }

  /** Where the {@link WriteOperation}s keep their keys and run their transactions. */
  public OperationDispatcher idempotency(IdempotencyKeys keys) {
    this.idempotency = keys;
    return this;
  }

  /** The action's id, once it is known to be this address's and served only once. */
  private String claim(BusAction action) {
    if (action instanceof ApiOperation operation
        && !operation.address().equals(Optional.of(busAddress))) {
      throw new IllegalStateException(
          "The contract sends "
              + operation.id()
              + " to "
              + operation.address().map(BusAddress::value).orElse("no address")
              + ", not to "
              + address);
    }
    if (handlers.containsKey(action.id()) || writes.containsKey(action.id())) {
      throw new IllegalStateException(address + " has two handlers for " + action.id());
    }
    return action.id();
  }

  /** Answers readiness checks by asking {@code pool}'s database a trivial question. */
  public OperationDispatcher readiness(Pool pool) {
    this.readiness = () -> pool.query("SELECT 1").execute();
    return this;
  }

  /**
   * Tells the edge, with the answer to each change, where the primary's WAL stood once it committed
   * ({@code writePosition}), so that the caller's later reads go to a replica that has it. Only
   * where reads may go to replicas: the question costs a query.
   */
  public OperationDispatcher positions(Supplier<Future<Long>> writePosition) {
    this.writePosition = writePosition;
    return this;
  }

  /**
   * Registers the consumer, and its twin on this event loop ({@link SameLoopAddresses}); the future
   * completes once the address is reachable.
   */
  public Future<Void> register() {
    if (!writes.isEmpty() && idempotency == null) {
      throw new IllegalStateException(
          address + " serves writes " + writes.keySet() + " without idempotency keys");
    }
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(address, this::dispatch);
    drain.serving(consumer);
    MessageConsumer<JsonObject> sameLoop =
        SameLoopAddresses.of(vertx).serveHere(vertx, address, this::dispatch);
    if (sameLoop == null) {
      return consumer.completion();
    }
    drain.serving(sameLoop);
    return Future.all(consumer.completion(), sameLoop.completion()).mapEmpty();
  }

  private void dispatch(Message<JsonObject> message) {
    String action = message.headers().get(BusRequest.ACTION);
    if (InternalAction.READY.id().equals(action)) {
      readiness.get().onComplete(ar -> answerReadiness(message, ar.cause()));
      return;
    }
    if (InternalAction.LIST_ACTIONS.id().equals(action)) {
      Set<String> all = new TreeSet<>(handlers.keySet());
      all.addAll(writes.keySet());
      Set<String> idempotent = new TreeSet<>(writes.keySet());
      idempotent.addAll(ownKeys);
      message.reply(
          new JsonObject()
              .put("actions", new JsonArray(List.copyOf(all)))
              .put("idempotent", new JsonArray(List.copyOf(idempotent)))
              .encode());
      return;
    }
    long started = System.nanoTime();
    drain.started();
    BusRequest request;
    Future<Sent> result;
    try {
      request = BusRequest.fromJson(message.body());
      result = serve(action, request);
    } catch (RuntimeException e) {
      request = null;
      result = Future.failedFuture(e);
    }
    boolean write = request != null && request.write();
    result.onComplete(
        ar -> {
          if (ar.failed()) {
            fail(message, toApiError(action, ar.cause()));
            drain.answered();
            return;
          }
          Answer answer = ar.result().answer();
          Long readAt = ar.result().readAt();
          DeliveryOptions options =
              new DeliveryOptions().addHeader(Reply.STATUS, Integer.toString(answer.status()));
          if (readAt == null) {
            // An answer from a replica says nothing of the primary, nor of an outage of it.
            outages.served(started);
          } else {
            options.addHeader(Reply.READ_AT, Long.toString(readAt));
          }
          if (!write || writePosition == null) {
            message.reply(answer.body(), options);
            drain.answered();
            return;
          }
          writePosition
              .get()
              .onComplete(
                  position -> {
                    options.addHeader(
                        Reply.WRITTEN_AT,
                        position.succeeded()
                            ? Long.toString(position.result())
                            : Reply.UNKNOWN_POSITION);
                    message.reply(answer.body(), options);
                    drain.answered();
                  });
        });
  }

  /** The answer, its body encoded once, here: decoding it again would turn amounts into doubles. */
  private Future<Sent> serve(String action, BusRequest request) {
    WriteOperation write = writes.get(action);
    if (write != null) {
      return write(action, write, request).map(answer -> new Sent(answer, null));
    }
    OperationHandler handler = handlers.get(action);
    if (handler == null) {
      throw new WiringBug(address + " has no handler for action " + action);
    }
    if (request.headers().containsKey(IDEMPOTENCY_KEY) && !ownKeys.contains(action)) {
      throw new WiringBug(action + " on " + address + " was sent an Idempotency-Key it ignores");
    }
    return handler.handle(request).map(reply -> new Sent(encoded(reply), reply.readAt()));
  }

  private static Answer encoded(Reply reply) {
    return new Answer(reply.status(), reply.body() == null ? null : reply.body().encode());
  }

  /** An answer, and where the replica it was read on stood (null: read on the primary). */
  private record Sent(Answer answer, Long readAt) {}

  /**
   * Runs a write, claiming its key first when the request has one. What it does after the commit
   * runs only when the work ran: a replayed answer is answered as stored.
   */
  private Future<Answer> write(String action, WriteOperation write, BusRequest request) {
    String key = request.headers().getString(IDEMPOTENCY_KEY);
    Claim claim =
        key == null
            ? null
            : new Claim(
                request.caller().authenticated()
                    ? request.caller().accountId()
                    : IdempotencyKeys.ANONYMOUS,
                action,
                key,
                idempotency.fingerprint().of(request.path(), request.query(), request.body()));
    AtomicReference<UnitOfWork> ran = new AtomicReference<>();
    return write
        .prepare(request)
        .compose(
            prepared ->
                idempotency.once(
                    claim,
                    write.transactional(),
                    sql -> {
                      UnitOfWork work = new UnitOfWork(sql);
                      ran.set(work);
                      return write.handle(prepared, work).map(OperationDispatcher::encoded);
                    }))
        .compose(
            answer ->
                ran.get() == null
                    ? Future.succeededFuture(answer)
                    : ran.get().committed().map(answer));
  }

  /** Answers a readiness check whose database query failed with {@code failure}, if not null. */
  private void answerReadiness(Message<JsonObject> message, Throwable failure) {
    if (failure == null) {
      outages.served();
      message.reply(new JsonObject().put("status", "up").encode());
    } else {
      outages.refused("the readiness check of " + address, failure);
      fail(message, new ApiError(ErrorCode.UNAVAILABLE, address + " cannot reach its database."));
    }
  }

  private ApiError toApiError(String action, Throwable failure) {
    if (failure instanceof DomainException domain) {
      return domain.toApiError();
    }
    if (failure instanceof WiringBug bug) {
      LOG.error(bug.getMessage());
      return new ApiError(ErrorCode.INTERNAL, "Something went wrong on our side.");
    }
    if (DatabaseFailures.isUnavailable(failure)) {
      outages.refused(action + " on " + address, failure);
      return new ApiError(ErrorCode.UNAVAILABLE, "The database is unavailable; try again.");
    }
    LOG.error("{} on {} failed", action, address, failure);
    return new ApiError(ErrorCode.INTERNAL, "Something went wrong on our side.");
  }

  private static void fail(Message<JsonObject> message, ApiError error) {
    message.fail(error.code().httpStatus(), error.toBusJson().encode());
  }

  /** A request this address was never meant to get: a mistake in the wiring, not the client's. */
  private static final class WiringBug extends RuntimeException {
    WiringBug(String message) {
      super(message, null, false, false);
    }
  }
}
