package dev.marketplace.client.failure;

/**
 * Anything that kept a call from succeeding, with a message meant for people and a {@link
 * FailureKind} for programs. The subclasses carry what each kind knows: {@link ApiException} (the
 * server refused: status and error code), {@link NotSignedInException} and {@link
 * ServerUnreachableException}.
 */
public class MarketplaceException extends RuntimeException {

  private final FailureKind kind;

  public MarketplaceException(FailureKind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public MarketplaceException(FailureKind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** What kind of failure this is: choose an answer from it, not from the message. */
  public FailureKind kind() {
    return kind;
  }
}
