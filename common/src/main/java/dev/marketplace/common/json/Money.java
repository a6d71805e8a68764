package dev.marketplace.common.json;

import dev.marketplace.common.error.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money on the wire is a JSON number with at most two decimals. The JSON decoder hands such a
 * number over as a {@link Double}; its shortest decimal representation is exactly what the client
 * wrote for every amount our schema allows (at most 12 significant digits), so converting through
 * {@link Double#toString} loses nothing.
 */
public final class Money {

  public static final int SCALE = 2;

  private Money() {}

  /** Reads an amount from a decoded JSON value, refusing anything with more than two decimals. */
  public static BigDecimal fromJson(Object value, String field) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number number)) {
      throw DomainException.invalidField(field, field + " must be a number");
    }
    if ((number instanceof Double || number instanceof Float)
        && !Double.isFinite(number.doubleValue())) {
      // JSON allows 1E+400; as a double it is infinite, which no amount of money is.
      throw DomainException.invalidField(field, field + " must be a number like 12.50");
    }
    BigDecimal amount =
        number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
    if (amount.stripTrailingZeros().scale() > SCALE) {
      throw DomainException.invalidField(field, field + " must have at most two decimals");
    }
    return amount.setScale(SCALE, RoundingMode.UNNECESSARY);
  }
}
