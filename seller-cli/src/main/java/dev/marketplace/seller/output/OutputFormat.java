package dev.marketplace.seller.output;

/** How results are printed: aligned for people, or JSON and CSV for programs. */
public enum OutputFormat {
  TABLE,
  JSON,
  CSV
}
