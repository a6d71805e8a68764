package dev.marketplace.common.bus;

import io.vertx.core.Future;

/** One use case, reachable over the event bus by its operation id. */
@FunctionalInterface
public interface OperationHandler {

  Future<Reply> handle(BusRequest request);
}
