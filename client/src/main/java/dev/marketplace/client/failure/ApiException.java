package dev.marketplace.client.failure;

/**
 * The server answered with a failure: its HTTP status, its error code (e.g. {@code not_found},
 * {@code insufficient_inventory}) and its message.
 */
public final class ApiException extends MarketplaceException {

  private final int status;
  private final String error;
  private final Long retryAfterSeconds;

  public ApiException(int status, String error, String message, Long retryAfterSeconds) {
    super(FailureKind.ofRefusal(status, error), message);
    this.status = status;
    this.error = error;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int status() {
    return status;
  }

  /** The stable machine-readable code, e.g. {@code forbidden}. */
  public String error() {
    return error;
  }

  /** How long to wait before trying again, when the server said ({@code 429}); else null. */
  public Long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
