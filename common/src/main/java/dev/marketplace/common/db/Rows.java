package dev.marketplace.common.db;

import io.vertx.sqlclient.RowIterator;
import io.vertx.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The results of a query whose rows the SQL client already mapped ({@code
 * preparedQuery(sql).mapping(Order::fromRow)}), as plain Java values: {@code .map(Rows::first)} or
 * {@code .map(Rows::list)}.
 */
public final class Rows {

  private Rows() {}

  /** The first row, or empty when there is none. */
  public static <T> Optional<T> first(RowSet<T> rows) {
    RowIterator<T> iterator = rows.iterator();
    return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
  }

  /** Every row, in the order the query returned them. */
  public static <T> List<T> list(RowSet<T> rows) {
    List<T> list = new ArrayList<>(rows.size());
    rows.forEach(list::add);
    return list;
  }
}
