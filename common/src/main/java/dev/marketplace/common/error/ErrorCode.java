package dev.marketplace.common.error;

/** The stable error codes of the API and the HTTP status each one answers with. */
public enum ErrorCode {
  VALIDATION_FAILED(400),
  INVALID_CREDENTIALS(401),
  UNAUTHORIZED(401),
  PAYMENT_FAILED(402),
  FORBIDDEN(403),
  NOT_FOUND(404),
  METHOD_NOT_ALLOWED(405),
  DUPLICATE(409),
  INSUFFICIENT_INVENTORY(409),
  INVALID_TRANSITION(409),
  PAYLOAD_TOO_LARGE(413),
  URI_TOO_LONG(414),
  UNSUPPORTED_MEDIA_TYPE(415),
  HEADERS_TOO_LARGE(431),
  RATE_LIMITED(429),
  INTERNAL(500),
  UNAVAILABLE(503),
  TIMEOUT(504);

  private final int httpStatus;

  ErrorCode(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The code as it appears in the {@code error} field. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
