package dev.marketplace.client.failure;

/** The server could not be reached, or did not answer in time. */
public final class ServerUnreachableException extends MarketplaceException {

  public ServerUnreachableException(String message, Throwable cause) {
    super(FailureKind.UNREACHABLE, message, cause);
  }
}
