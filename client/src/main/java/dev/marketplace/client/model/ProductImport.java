package dev.marketplace.client.model;

import java.util.List;
import java.util.Map;

/**
 * What a bulk import by SKU did (or, with {@code dryRun}, would do): a result per line sent, in
 * order, and how many of each outcome.
 */
public record ProductImport(boolean dryRun, List<Line> results, Map<String, Integer> summary) {

  /**
   * One line's outcome: its product's id (null if it failed, or would be created by a dry run), and
   * for a failed line the server's reason and its words about each field.
   */
  public record Line(
      int line,
      String sku,
      ImportOutcome outcome,
      Long productId,
      String message,
      List<FieldProblem> fields) {}

  /** What is wrong with one field, in the server's words. */
  public record FieldProblem(String field, String message) {}
}
