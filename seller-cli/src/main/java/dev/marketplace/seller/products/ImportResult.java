package dev.marketplace.seller.products;

/**
 * What happened to one line of an import: {@code created}, {@code updated}, {@code unchanged} or
 * {@code failed} (with dry runs, what would happen).
 */
record ImportResult(int line, String sku, String outcome, Long productId, String message) {

  static ImportResult failed(ProductLine line, String message) {
    return new ImportResult(line.line(), line.sku(), "failed", null, message);
  }
}
