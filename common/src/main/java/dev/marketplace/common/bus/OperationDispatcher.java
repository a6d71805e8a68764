package dev.marketplace.common.bus;

import dev.marketplace.common.error.ApiError;
import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.ErrorCode;
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
import java.util.TreeMap;
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
 * <p>Besides its handlers, every address answers {@link InternalAction#READY} and {@link
 * InternalAction#LIST_ACTIONS}, with which the api verticle checks at start-up that every operation
 * the contract sends here has a handler. An action without a handler is a wiring bug, not a missing
 * resource: it is logged and answered 500.
 */
public final class OperationDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(OperationDispatcher.class);

  private final Vertx vertx;
  private final BusAddress busAddress;
  private final String address;
  private final Map<String, OperationHandler> handlers = new TreeMap<>();
  private final DatabaseOutageLog outages;
  private Supplier<Future<?>> readiness = Future::succeededFuture;
  private Supplier<Future<Long>> writePosition;

  public OperationDispatcher(Vertx vertx, BusAddress address) {
    this.vertx = vertx;
    this.busAddress = address;
    this.address = address.value();
    this.outages = DatabaseOutageLog.of(vertx);
  }

  /**
   * Serves {@code action}: a contract operation the contract sends to this address, or an internal
   * action.
   */
  public OperationDispatcher on(BusAction action, OperationHandler handler) {
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
    if (handlers.putIfAbsent(action.id(), handler) != null) {
      throw new IllegalStateException(address + " has two handlers for " + action.id());
    }
    return this;
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

  /** Registers the consumer; the future completes once the address is reachable. */
  public Future<Void> register() {
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(address, this::dispatch);
    return consumer.completion();
  }

  private void dispatch(Message<JsonObject> message) {
    String action = message.headers().get(BusRequest.ACTION);
    if (InternalAction.READY.id().equals(action)) {
      readiness.get().onComplete(ar -> answerReadiness(message, ar.cause()));
      return;
    }
    if (InternalAction.LIST_ACTIONS.id().equals(action)) {
      message.reply(
          new JsonObject().put("actions", new JsonArray(List.copyOf(handlers.keySet()))).encode());
      return;
    }
    OperationHandler handler = handlers.get(action);
    if (handler == null) {
      LOG.error("{} has no handler for action {}", address, action);
      fail(message, new ApiError(ErrorCode.INTERNAL, "Something went wrong on our side."));
      return;
    }
    long started = System.nanoTime();
    BusRequest request;
    Future<Reply> result;
    try {
      request = BusRequest.fromJson(message.body());
      result = handler.handle(request);
    } catch (RuntimeException e) {
      request = null;
      result = Future.failedFuture(e);
    }
    boolean write = request != null && request.write();
    result.onComplete(
        ar -> {
          if (ar.failed()) {
            fail(message, toApiError(action, ar.cause()));
            return;
          }
          Reply reply = ar.result();
          DeliveryOptions options =
              new DeliveryOptions().addHeader(Reply.STATUS, Integer.toString(reply.status()));
          if (reply.readAt() == null) {
            // An answer from a replica says nothing of the primary, nor of an outage of it.
            outages.served(started);
          } else {
            options.addHeader(Reply.READ_AT, Long.toString(reply.readAt()));
          }
          String body = reply.body() == null ? null : reply.body().encode();
          if (!write || writePosition == null) {
            message.reply(body, options);
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
                    message.reply(body, options);
                  });
        });
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
}
