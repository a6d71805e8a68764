package dev.marketplace.seller.output;

import dev.marketplace.client.model.OrderStatus;
import dev.marketplace.seller.output.Styles.Style;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How values read in tables: money with two decimals, times in local time. */
public final class Display {

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ZoneId zone;

  public Display(ZoneId zone) {
    this.zone = zone;
  }

  /** {@code 1,234.50}; empty for none. */
  public static String money(BigDecimal amount) {
    if (amount == null) {
      return "";
    }
    DecimalFormat format =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return format.format(amount.setScale(2, RoundingMode.HALF_EVEN));
  }

  /** {@code 1234.50}: two decimals, no grouping, for CSV; null stays null. */
  public static String plain(BigDecimal amount) {
    return amount == null ? null : amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** {@code 2026-11-24 15:35} in the local time zone; empty for none. */
  public String time(Instant instant) {
    return instant == null ? "" : LOCAL.format(instant.atZone(zone));
  }

  public static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  /** How an order status looks: done is quiet, waiting is a warning, cancelled is bad. */
  public static Style style(OrderStatus status) {
    if (status == null) {
      return Style.PLAIN;
    }
    return switch (status) {
      case PENDING -> Style.WARNING;
      case PROCESSING -> Style.ACCENT;
      case SHIPPED, DELIVERED -> Style.GOOD;
      case COMPLETED -> Style.QUIET;
      case CANCELLED -> Style.BAD;
      case UNKNOWN -> Style.PLAIN;
    };
  }
}
