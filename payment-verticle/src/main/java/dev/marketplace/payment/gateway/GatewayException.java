package dev.marketplace.payment.gateway;

/** A gateway call that did not produce an answer we can act on. */
public final class GatewayException extends RuntimeException {

  /** Why the call failed, which decides what may be assumed about the money. */
  public enum Kind {
    /** No answer in time: the gateway may or may not have acted. */
    TIMEOUT,
    /** The gateway answered with an error of its own, or could not be reached. */
    UNAVAILABLE,
    /** The gateway refused the call as malformed or unauthorized: our configuration is wrong. */
    REJECTED
  }

  private final Kind kind;

  public GatewayException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
