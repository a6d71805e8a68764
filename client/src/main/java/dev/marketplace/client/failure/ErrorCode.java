package dev.marketplace.client.failure;

import java.util.Locale;

/**
 * The stable codes of a refusal's {@code error} field, as the contract lists them ({@code
 * ContractCoverageTest} keeps the two equal). {@link #UNKNOWN} stands for a code a newer server
 * sends that this client does not know yet, or for an answer with no error body (a proxy's page).
 */
public enum ErrorCode {
  VALIDATION_FAILED,
  INVALID_CREDENTIALS,
  UNAUTHORIZED,
  FORBIDDEN,
  NOT_FOUND,
  METHOD_NOT_ALLOWED,
  DUPLICATE,
  INSUFFICIENT_INVENTORY,
  INVALID_TRANSITION,
  PAYMENT_FAILED,
  PAYLOAD_TOO_LARGE,
  URI_TOO_LONG,
  UNSUPPORTED_MEDIA_TYPE,
  HEADERS_TOO_LARGE,
  RATE_LIMITED,
  INTERNAL,
  UNAVAILABLE,
  TIMEOUT,
  UNKNOWN;

  /** The code as the API spells it, e.g. {@code insufficient_inventory}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@code not_found}; anything this client does not know, or null, is {@link #UNKNOWN}. */
  public static ErrorCode of(String wireName) {
    for (ErrorCode code : values()) {
      if (code != UNKNOWN && code.wireName().equals(wireName)) {
        return code;
      }
    }
    return UNKNOWN;
  }
}
