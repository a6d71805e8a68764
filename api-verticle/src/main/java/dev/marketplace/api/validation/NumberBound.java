package dev.marketplace.api.validation;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A limit of the contract ({@code minimum}, {@code maximum}, ...) that a JSON number is compared
 * with, the way vertx-json-schema compares: as {@code double}s, unless either side is a {@link
 * BigInteger} or {@link BigDecimal} (a number too large for a {@code long}, say), then exactly.
 */
public record NumberBound(double approximate, BigDecimal exact, boolean big) {

  /** A limit the contract writes as a whole number that fits a {@code long}. */
  public static NumberBound of(long limit) {
    return new NumberBound(limit, BigDecimal.valueOf(limit), false);
  }

  /** A limit the contract writes with a fraction or an exponent. */
  public static NumberBound of(double limit) {
    return new NumberBound(limit, BigDecimal.valueOf(limit), false);
  }

  /** A whole number too large for a {@code long}. */
  public static NumberBound of(BigInteger limit) {
    return new NumberBound(limit.doubleValue(), new BigDecimal(limit), true);
  }

  /** Whether {@code number} is below this limit. */
  public boolean above(Number number) {
    return exactly(number)
        ? exact(number).compareTo(exact) < 0
        : number.doubleValue() < approximate;
  }

  /** Whether {@code number} is at or below this limit. */
  public boolean atOrAbove(Number number) {
    return exactly(number)
        ? exact(number).compareTo(exact) <= 0
        : number.doubleValue() <= approximate;
  }

  /** Whether {@code number} is above this limit. */
  public boolean below(Number number) {
    return exactly(number)
        ? exact(number).compareTo(exact) > 0
        : number.doubleValue() > approximate;
  }

  /** Whether {@code number} is at or above this limit. */
  public boolean atOrBelow(Number number) {
    return exactly(number)
        ? exact(number).compareTo(exact) >= 0
        : number.doubleValue() >= approximate;
  }

  /** Whether {@code value} is a JSON number without a fraction (1.0 is one; 1.5 is not). */
  public static boolean isInteger(Object value) {
    return switch (value) {
      case Integer i -> true;
      case Long l -> true;
      case BigInteger b -> true;
      case Short s -> true;
      case Byte b -> true;
      case Double d -> d % 1 == 0.0;
      case Float f -> f % 1 == 0.0f;
      case BigDecimal d -> d.remainder(BigDecimal.ONE).equals(BigDecimal.ZERO);
      case null, default -> false;
    };
  }

  private boolean exactly(Number number) {
    return big || number instanceof BigDecimal || number instanceof BigInteger;
  }

  private static BigDecimal exact(Number number) {
    return switch (number) {
      case BigDecimal d -> d;
      case BigInteger i -> new BigDecimal(i);
      case Float f -> BigDecimal.valueOf(f.floatValue());
      case Double d -> BigDecimal.valueOf(d);
      default -> BigDecimal.valueOf(number.longValue());
    };
  }
}
