package dev.marketplace.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What importing one product line did (or, in a dry run, would do); {@link #UNKNOWN} for an outcome
 * a newer server names that this client does not know.
 */
public enum ImportOutcome {
  CREATED,
  UPDATED,
  UNCHANGED,
  FAILED,
  UNKNOWN;

  @JsonValue
  public String wireName() {
    return WireNames.of(this);
  }

  @JsonCreator
  public static ImportOutcome of(String value) {
    return WireNames.parse(ImportOutcome.class, value, UNKNOWN);
  }
}
