package dev.marketplace.seller.products;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.marketplace.client.failure.FailureKind;
import dev.marketplace.client.model.ImportOutcome;

/**
 * What happened to one line of an import (with dry runs, what would happen); a failed line says why
 * in {@code message}, and {@code failure} tells what kind of failure it was.
 */
record ImportResult(
    int line,
    String sku,
    ImportOutcome outcome,
    Long productId,
    String message,
    @JsonIgnore FailureKind failure) {

  static ImportResult failed(ProductLine line, String message, FailureKind failure) {
    return new ImportResult(line.line(), line.sku(), ImportOutcome.FAILED, null, message, failure);
  }
}
