package dev.marketplace.client.model;

/**
 * Which of the signed-in seller's products to list, a page at a time. Build it from {@link #all()}
 * with the {@code with...} methods.
 */
public final class SellerProductQuery {

  private final String cursor;
  private final Integer limit;

  private SellerProductQuery(String cursor, Integer limit) {
    this.cursor = cursor;
    this.limit = limit;
  }

  /** Every product of the seller, active or not. */
  public static SellerProductQuery all() {
    return new SellerProductQuery(null, null);
  }

  public String cursor() {
    return cursor;
  }

  public Integer limit() {
    return limit;
  }

  /** The page after the one whose {@code next_cursor} this is. */
  public SellerProductQuery withCursor(String value) {
    return new SellerProductQuery(value, limit);
  }

  public SellerProductQuery withLimit(Integer value) {
    return new SellerProductQuery(cursor, value);
  }
}
