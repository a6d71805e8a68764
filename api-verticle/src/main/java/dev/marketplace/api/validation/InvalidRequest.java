package dev.marketplace.api.validation;

import java.util.List;

/**
 * A request refused before any operation ran, for the {@link Violation}s found in it. The error
 * responder words each one with {@link ViolationWording} and answers 400 {@code validation_failed}
 * with them under {@code fields}.
 */
public final class InvalidRequest extends RuntimeException {

  private final List<Violation> violations;

  public InvalidRequest(List<Violation> violations) {
    super("invalid request: " + violations, null, false, false);
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
