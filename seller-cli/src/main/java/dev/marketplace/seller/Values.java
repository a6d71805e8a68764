package dev.marketplace.seller;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * How numbers typed on the command line are read, and what is said when they are not numbers: the
 * second half of "price must be a number like 12.50" ({@link Failures} names the option).
 */
final class Values {

  private Values() {}

  static void register(CommandLine root) {
    root.registerConverter(BigDecimal.class, Values::decimal);
    root.registerConverter(
        Integer.class, text -> (int) whole(text, Integer.MIN_VALUE, Integer.MAX_VALUE));
    root.registerConverter(
        int.class, text -> (int) whole(text, Integer.MIN_VALUE, Integer.MAX_VALUE));
    root.registerConverter(Long.class, text -> whole(text, Long.MIN_VALUE, Long.MAX_VALUE));
    root.registerConverter(long.class, text -> whole(text, Long.MIN_VALUE, Long.MAX_VALUE));
    root.registerConverter(LocalDate.class, Values::date);
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("must be a date like 2026-11-24, not \"" + text + "\"");
    }
  }

  private static BigDecimal decimal(String text) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("must be a number like 12.50, not \"" + text + "\"");
    }
  }

  private static long whole(String text, long min, long max) {
    long value;
    try {
      value = Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("must be a whole number like 12, not \"" + text + "\"");
    }
    if (value > max) {
      throw new TypeConversionException("must be at most " + max + ", not " + value);
    }
    if (value < min) {
      throw new TypeConversionException("must be at least " + min + ", not " + value);
    }
    return value;
  }
}
