package dev.marketplace.client.failure;

/** No session is stored for this server and role, or the stored one has ended. */
public final class NotSignedInException extends MarketplaceException {

  public NotSignedInException(String message) {
    super(FailureKind.NOT_SIGNED_IN, message);
  }
}
