package dev.marketplace.buyer.screens;

import dev.marketplace.client.model.OrderStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the shop's values are written on screen: money, stars, times, statuses. */
final class Display {

  private static final DateTimeFormatter DAY_AND_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private Display() {}

  static String money(BigDecimal amount) {
    return amount == null ? "" : amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** Five stars, as many filled as the rating rounds to. */
  static String stars(BigDecimal average) {
    int filled = average == null ? 0 : average.setScale(0, RoundingMode.HALF_UP).intValue();
    return stars(Math.max(0, Math.min(5, filled)));
  }

  static String stars(int filled) {
    return "★".repeat(filled) + "☆".repeat(5 - filled);
  }

  static String time(Instant at) {
    return at == null ? "" : DAY_AND_TIME.format(at);
  }

  static String status(OrderStatus status) {
    return status == null ? "" : status.wireName();
  }

  static String stock(int inventory) {
    return inventory <= 0 ? "sold out" : inventory + " left";
  }
}
