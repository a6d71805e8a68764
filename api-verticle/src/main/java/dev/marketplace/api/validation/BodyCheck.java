package dev.marketplace.api.validation;

/**
 * The check of one operation's JSON body against its schema in the contract, written as plain Java
 * at build time ({@code ContractBodies}, by contract-codegen's {@code BodyValidatorWriter}).
 */
@FunctionalInterface
public interface BodyCheck {

  /**
   * Checks {@code body}, as decoded from JSON (a JSON object is a {@code JsonObject}), and adds
   * what is wrong with it to {@code found}.
   */
  void check(Object body, FieldViolations found);
}
