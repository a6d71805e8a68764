package dev.marketplace.client.model;

import java.math.BigDecimal;
import java.util.Map;

/** A product's rating summary: the average, how many reviews, and how many of each star. */
public record Rating(BigDecimal average, int count, Map<Integer, Integer> histogram) {

  /** How many reviews gave {@code stars} (1 to 5). */
  public int reviewsWith(int stars) {
    return histogram == null ? 0 : histogram.getOrDefault(stars, 0);
  }
}
