package dev.marketplace.client;

/**
 * Anything that kept a call from succeeding, with a message meant for people. The subclasses tell
 * the kinds apart: {@link ApiException} (the server refused), {@link NotSignedInException} (no live
 * session) and {@link ServerUnreachableException} (no answer).
 */
public class MarketplaceException extends RuntimeException {

  public MarketplaceException(String message) {
    super(message);
  }

  public MarketplaceException(String message, Throwable cause) {
    super(message, cause);
  }
}
