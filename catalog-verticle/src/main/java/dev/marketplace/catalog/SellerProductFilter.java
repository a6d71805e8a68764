package dev.marketplace.catalog;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.error.DomainException;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which of a seller's products a listing shows: by status, category and stock below a threshold, a
 * page at a time after the last id of the previous page.
 */
record SellerProductFilter(
    long sellerId, String status, String category, Integer stockBelow, Long afterId, int limit) {

  static SellerProductFilter of(BusRequest request) {
    var query = request.query();
    return new SellerProductFilter(
        request.pathId("seller_id"),
        query.getString("status", "all"),
        query.getString("category"),
        query.getInteger("stock_below"),
        cursor(query.getString("cursor")),
        request.limit());
  }

  /**
   * The SQL conditions on {@code p} and its stock {@code s}, with parameters numbered from {@code
   * first}.
   */
  String conditions(int first) {
    List<String> conditions = new ArrayList<>();
    int n = first;
    if (status.equals("active")) {
      conditions.add("p.is_active");
    } else if (status.equals("inactive")) {
      conditions.add("NOT p.is_active");
    }
    if (category != null) {
      conditions.add("lower(p.category) = $" + n++);
    }
    if (stockBelow != null) {
      conditions.add("s.inventory < $" + n++);
    }
    if (afterId != null) {
      conditions.add("p.id > $" + n);
    }
    return conditions.isEmpty() ? "" : " AND " + String.join(" AND ", conditions);
  }

  /** The seller ($1), the limit ($2), then the parameters of {@link #conditions(int)}. */
  Tuple parameters() {
    Tuple tuple = Tuple.of(sellerId, limit);
    if (category != null) {
      tuple.addString(category.strip().toLowerCase(Locale.ROOT));
    }
    if (stockBelow != null) {
      tuple.addInteger(stockBelow);
    }
    if (afterId != null) {
      tuple.addLong(afterId);
    }
    return tuple;
  }

  private static Long cursor(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw DomainException.invalidField("cursor", "cursor is not one this server gave out.");
    }
  }
}
