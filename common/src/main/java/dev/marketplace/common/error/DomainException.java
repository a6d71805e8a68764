package dev.marketplace.common.error;

import java.util.List;

/**
 * A use case refused the request for a reason the caller can act on. It carries no stack trace: it
 * is an answer, not a bug.
 */
public final class DomainException extends RuntimeException {

  private final ErrorCode code;
  private final Long retryAfterSeconds;
  private final String field;

  public DomainException(ErrorCode code, String message) {
    this(code, message, null);
  }

  public DomainException(ErrorCode code, String message, Long retryAfterSeconds) {
    this(code, message, retryAfterSeconds, null);
  }

  private DomainException(ErrorCode code, String message, Long retryAfterSeconds, String field) {
    super(message, null, false, false);
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
    this.field = field;
  }

  public ErrorCode code() {
    return code;
  }

  public ApiError toApiError() {
    if (code == ErrorCode.VALIDATION_FAILED) {
      return ApiError.invalid(
          getMessage(), field == null ? List.of() : List.of(new FieldError(field, getMessage())));
    }
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

  /**
   * A request refused for what one of its fields holds: {@code message} is a sentence that names
   * the field, and is also what {@code fields} says about it.
   */
  public static DomainException invalidField(String field, String message) {
    return new DomainException(ErrorCode.VALIDATION_FAILED, message, null, field);
  }
}
