package dev.marketplace.client.failure;

/**
 * The server answered with a failure: its HTTP status, its error code (e.g. {@code not_found},
 * {@code insufficient_inventory}) and its message. Decide by {@link #code()} or {@link #kind()},
 * never by the words of {@link #error()} or the message.
 */
public final class ApiException extends MarketplaceException {

  private final int status;
  private final String error;
  private final ErrorCode code;
  private final Long retryAfterSeconds;

  public ApiException(int status, String error, String message, Long retryAfterSeconds) {
    this(status, error, ErrorCode.of(error), message, retryAfterSeconds);
  }

  private ApiException(
      int status, String error, ErrorCode code, String message, Long retryAfterSeconds) {
    super(FailureKind.ofRefusal(status, code), message);
    this.status = status;
    this.error = error;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int status() {
    return status;
  }

  /** The code as the server spelt it, e.g. {@code forbidden}, to show (also when unknown). */
  public String error() {
    return error;
  }

  /** The code, typed: {@link ErrorCode#UNKNOWN} for one a newer server sends. */
  public ErrorCode code() {
    return code;
  }

  /** How long to wait before trying again, when the server said ({@code 429}); else null. */
  public Long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
