package dev.marketplace.common.error;

/**
 * A use case refused the request for a reason the caller can act on. It carries no stack trace: it
 * is an answer, not a bug.
 */
public final class DomainException extends RuntimeException {

  private final ErrorCode code;
  private final Long retryAfterSeconds;

  public DomainException(ErrorCode code, String message) {
    this(code, message, null);
  }

  public DomainException(ErrorCode code, String message, Long retryAfterSeconds) {
    super(message, null, false, false);
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public ErrorCode code() {
    return code;
  }

  public ApiError toApiError() {
    return new ApiError(code, getMessage(), retryAfterSeconds);
  }

  public static DomainException notFound(String message) {
    return new DomainException(ErrorCode.NOT_FOUND, message);
  }

  public static DomainException forbidden(String message) {
    return new DomainException(ErrorCode.FORBIDDEN, message);
  }

  public static DomainException badRequest(String message) {
    return new DomainException(ErrorCode.VALIDATION_FAILED, message);
  }
}
