package dev.marketplace.client.failure;

/**
 * What kind of failure kept a call from succeeding, so that a client picks its answer (an exit
 * code, a screen) from the kind and never from the message's words.
 */
public enum FailureKind {
  /** Nothing answered at the server's address, or it did not answer in time. */
  UNREACHABLE,
  /** No session is stored for this server and role, or the server no longer takes it. */
  NOT_SIGNED_IN,
  /** What the user gave is wrong before or as the server reads it (400, 422). */
  INVALID,
  /** The user may not do this (403), or the credentials were wrong. */
  FORBIDDEN,
  /** What the call names does not exist, or is not the caller's (404). */
  NOT_FOUND,
  /** The call conflicts with the state of things (409): a taken SKU, too little stock. */
  CONFLICT,
  /** Too many calls (429): wait as the server says. */
  RATE_LIMITED,
  /** The server failed or is unavailable for now (5xx). */
  SERVER,
  /** Any other refusal, or a failure on this side (an interrupted wait). */
  OTHER;

  /** The kind of a refusal, from its HTTP status and error code. */
  public static FailureKind ofRefusal(int status, ErrorCode error) {
    return switch (status) {
      case 401 -> error == ErrorCode.INVALID_CREDENTIALS ? FORBIDDEN : NOT_SIGNED_IN;
      case 400, 413, 415, 422 -> INVALID;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 409 -> CONFLICT;
      case 429 -> RATE_LIMITED;
      default -> status >= 500 ? SERVER : OTHER;
    };
  }
}
