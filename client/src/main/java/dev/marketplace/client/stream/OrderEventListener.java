package dev.marketplace.client.stream;

import dev.marketplace.client.failure.MarketplaceException;
import dev.marketplace.client.model.OrderEvent;
import java.time.Duration;

/**
 * Told what an {@link OrderEventStream} receives and how its connection fares. Every call comes
 * from the stream's own thread, in order: hand work for a GUI thread over to it.
 */
public interface OrderEventListener {

  /** An order changed: a status change or a shipping event. */
  void onEvent(OrderEvent event);

  /** The stream is open (again); events missed while it was down come next. */
  default void onConnected() {}

  /** The connection dropped or could not be made; the stream tries again after {@code retryIn}. */
  default void onReconnecting(MarketplaceException cause, Duration retryIn) {}

  /**
   * The stream has ended for good: {@code failure} is why (not signed in any more, not allowed), or
   * null when it was closed by {@link OrderEventStream#close()}.
   */
  default void onClosed(MarketplaceException failure) {}
}
