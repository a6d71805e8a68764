package dev.marketplace.seller.output;

import dev.marketplace.seller.output.Styles.Style;
import dev.marketplace.seller.output.Table.Cell;
import dev.marketplace.seller.output.Table.Column;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Prints a list in the chosen format: an aligned table of the columns for people, CSV of the same
 * columns with raw values (ISO times, plain amounts) for programs, or the records as JSON.
 */
public final class ListPrinter<T> {

  private record Field<T>(
      Column column,
      String csvName,
      Function<T, String> table,
      Function<T, Object> csv,
      Function<T, Style> style) {}

  private final List<Field<T>> fields = new ArrayList<>();
  private String whenEmpty;

  /** What a table says instead of a lone header when there is nothing to list. */
  public ListPrinter<T> whenEmpty(String message) {
    this.whenEmpty = message;
    return this;
  }

  /** A left-aligned column. */
  public ListPrinter<T> text(String title, String csvName, Function<T, Object> value) {
    return add(
        Column.left(title),
        csvName,
        item -> Display.text(value.apply(item)),
        value,
        item -> Style.PLAIN);
  }

  /** A right-aligned column (numbers, money). */
  public ListPrinter<T> number(
      String title, String csvName, Function<T, String> shown, Function<T, Object> raw) {
    return add(Column.right(title), csvName, shown, raw, item -> Style.PLAIN);
  }

  /** Any column, with its own look per row. */
  public ListPrinter<T> add(
      Column column,
      String csvName,
      Function<T, String> shown,
      Function<T, Object> raw,
      Function<T, Style> style) {
    fields.add(new Field<>(column, csvName, shown, raw, style));
    return this;
  }

  public void print(List<T> items, OutputFormat format, PrintWriter out, Styles styles) {
    switch (format) {
      case JSON -> JsonOutput.print(out, items);
      case CSV -> csv(items, out);
      case TABLE -> {
        if (items.isEmpty() && whenEmpty != null) {
          out.println(whenEmpty);
          break;
        }
        Table table = new Table(fields.stream().map(Field::column).toList());
        for (T item : items) {
          table.add(
              fields.stream()
                  .map(field -> Cell.styled(field.table().apply(item), field.style().apply(item)))
                  .toList());
        }
        table.print(out, styles);
      }
    }
    out.flush();
  }

  private void csv(List<T> items, PrintWriter out) {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader(fields.stream().map(Field::csvName).toArray(String[]::new))
            .setRecordSeparator("\n")
            .get();
    try {
      CSVPrinter printer = new CSVPrinter(out, format);
      for (T item : items) {
        List<Object> values = new ArrayList<>();
        fields.forEach(field -> values.add(field.csv().apply(item)));
        printer.printRecord(values);
      }
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
