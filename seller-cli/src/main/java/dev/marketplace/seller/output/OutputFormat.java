package dev.marketplace.seller.output;

/** How results are printed: aligned for people, or JSON and CSV for programs. */
public enum OutputFormat {
  TABLE,
  /** A table with more columns (event ids, say), where a command has them. */
  WIDE,
  JSON,
  CSV
}
