package dev.marketplace.client.model;

import java.util.Locale;

/** How the catalog orders products; {@link #RELEVANCE} is for searches only. */
public enum ProductSort {
  RELEVANCE,
  NEWEST,
  PRICE_ASC,
  PRICE_DESC,
  RATING,
  BEST_SELLING;

  /** The sort as the API spells it, e.g. {@code price_asc}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
