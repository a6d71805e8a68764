package dev.marketplace.client.http;

/**
 * Told about every HTTP exchange a client makes, after it ends (for logging, {@code --verbose}, or
 * checks in tests). It runs on the calling thread: keep it quick.
 */
@FunctionalInterface
public interface ExchangeListener {

  ExchangeListener NONE = exchange -> {};

  void exchanged(Exchange exchange);
}
