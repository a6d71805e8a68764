package dev.marketplace.client.model;

import java.util.Locale;

/**
 * Which of the signed-in seller's products to list, a page at a time. Build it from {@link #all()}
 * with the {@code with...} methods.
 */
public final class SellerProductQuery {

  /** Which statuses to list. */
  public enum Status {
    ACTIVE,
    INACTIVE,
    ALL;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Status status;
  private final String category;
  private final Integer stockBelow;
  private final String cursor;
  private final Integer limit;

  private SellerProductQuery(
      Status status, String category, Integer stockBelow, String cursor, Integer limit) {
    this.status = status;
    this.category = category;
    this.stockBelow = stockBelow;
    this.cursor = cursor;
    this.limit = limit;
  }

  /** Every product of the seller, active or not. */
  public static SellerProductQuery all() {
    return new SellerProductQuery(null, null, null, null, null);
  }

  public Status status() {
    return status;
  }

  public String category() {
    return category;
  }

  public Integer stockBelow() {
    return stockBelow;
  }

  public String cursor() {
    return cursor;
  }

  public Integer limit() {
    return limit;
  }

  /** Only products of this status (null: all). */
  public SellerProductQuery withStatus(Status value) {
    return new SellerProductQuery(value, category, stockBelow, cursor, limit);
  }

  /** Only this category, case-insensitively (null: any). */
  public SellerProductQuery withCategory(String value) {
    return new SellerProductQuery(status, value, stockBelow, cursor, limit);
  }

  /** Only products with fewer than this many in stock (null: any stock). */
  public SellerProductQuery withStockBelow(Integer value) {
    return new SellerProductQuery(status, category, value, cursor, limit);
  }

  /** The page after the one whose {@code next_cursor} this is. */
  public SellerProductQuery withCursor(String value) {
    return new SellerProductQuery(status, category, stockBelow, value, limit);
  }

  public SellerProductQuery withLimit(Integer value) {
    return new SellerProductQuery(status, category, stockBelow, cursor, value);
  }
}
