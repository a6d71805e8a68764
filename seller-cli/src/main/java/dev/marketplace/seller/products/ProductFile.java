package dev.marketplace.seller.products;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketplace.client.http.Json;
import dev.marketplace.client.model.Product;
import dev.marketplace.seller.CommandFailure;
import dev.marketplace.seller.ExitCode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The import and export file: CSV with a header row of the columns {@value #HEADER} (in any order;
 * description and active may be left out), or a JSON array of objects with the same fields. Export
 * writes what import reads back.
 */
final class ProductFile {

  static final String HEADER = "sku,name,category,description,price,stock,active";
  private static final List<String> COLUMNS = List.of(HEADER.split(","));
  private static final List<String> REQUIRED = List.of("sku", "name", "category", "price", "stock");

  private ProductFile() {}

  /** The file is not an import file at all (as opposed to a bad line in one). */
  private static CommandFailure unreadable(String message) {
    return new CommandFailure(message, ExitCode.REFUSED);
  }

  /** Every line of the file, each a product or a problem, in file order. */
  static List<ProductLine> read(String content) {
    String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
    return text.stripLeading().startsWith("[") ? readJson(text) : readCsv(text);
  }

  private static List<ProductLine> readCsv(String text) {
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(false).get();
    try (Reader reader = new StringReader(text);
        CSVParser parser = CSVParser.parse(reader, format)) {
      Map<String, String> columns = columns(parser.getHeaderNames());
      List<ProductLine> lines = new ArrayList<>();
      Map<String, Integer> seen = new HashMap<>();
      Iterator<CSVRecord> records = parser.iterator();
      while (true) {
        int line = (int) parser.getCurrentLineNumber() + 1;
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException | IllegalStateException broken) {
          lines.add(ProductLine.failed(line, null, "cannot be read: " + rootMessage(broken)));
          break;
        }
        if (record.size() != parser.getHeaderNames().size()) {
          lines.add(
              ProductLine.failed(
                  line,
                  null,
                  "has "
                      + record.size()
                      + " fields where the header has "
                      + parser.getHeaderNames().size()));
          continue;
        }
        Map<String, String> fields = new HashMap<>();
        columns.forEach((header, column) -> fields.put(column, record.get(header)));
        lines.add(unique(ProductLine.parse(line, fields), seen));
      }
      return lines;
    } catch (IOException | IllegalArgumentException e) {
      throw unreadable("The file is not CSV with a header row: " + rootMessage(e));
    }
  }

  /** Maps the header's names to our columns; refuses unknown or missing ones. */
  private static Map<String, String> columns(List<String> header) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (String name : header) {
      String column = name.strip().toLowerCase(Locale.ROOT);
      if (!COLUMNS.contains(column)) {
        throw unreadable(
            "Line 1: unknown column \"" + name + "\"; the columns are " + HEADER + ".");
      }
      columns.put(name, column);
    }
    List<String> missing =
        REQUIRED.stream().filter(column -> !columns.containsValue(column)).toList();
    if (!missing.isEmpty()) {
      throw unreadable(
          "Line 1: the header lacks "
              + String.join(", ", missing)
              + "; the columns are "
              + HEADER
              + ".");
    }
    return columns;
  }

  private static List<ProductLine> readJson(String text) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(text);
    } catch (IOException e) {
      throw unreadable("The file is not valid JSON: " + rootMessage(e));
    }
    if (!root.isArray()) {
      throw unreadable("A JSON file to import is an array of products.");
    }
    List<ProductLine> lines = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode item = root.get(i);
      Map<String, String> fields = new HashMap<>();
      if (item.isObject()) {
        item.fields()
            .forEachRemaining(
                field ->
                    fields.put(
                        field.getKey(),
                        field.getValue().isNull() ? null : field.getValue().asText()));
      }
      if (fields.containsKey("inventory") && !fields.containsKey("stock")) {
        fields.put("stock", fields.get("inventory"));
      }
      if (fields.containsKey("is_active") && !fields.containsKey("active")) {
        fields.put("active", fields.get("is_active"));
      }
      lines.add(unique(ProductLine.parse(i + 1, fields), seen));
    }
    return lines;
  }

  /** A SKU may appear once in a file: a later line with it fails, naming the first. */
  private static ProductLine unique(ProductLine line, Map<String, Integer> seen) {
    if (!line.ok()) {
      return line;
    }
    Integer first = seen.putIfAbsent(line.sku(), line.line());
    return first == null
        ? line
        : ProductLine.failed(
            line.line(), line.sku(), "sku " + line.sku() + " is already on line " + first);
  }

  static void writeCsv(List<Product> products, Writer out) throws IOException {
    CSVPrinter printer =
        new CSVPrinter(
            out,
            CSVFormat.DEFAULT
                .builder()
                .setHeader(COLUMNS.toArray(String[]::new))
                .setRecordSeparator("\n")
                .get());
    for (Product product : products) {
      printer.printRecord(
          product.sku(),
          product.name(),
          product.category(),
          product.description(),
          plain(product.price()),
          product.inventory(),
          product.active());
    }
    printer.flush();
  }

  /** The exported fields of a product, as JSON import reads them. */
  record Exported(
      String sku,
      String name,
      String category,
      String description,
      BigDecimal price,
      int stock,
      boolean active) {

    static Exported of(Product product) {
      return new Exported(
          product.sku(),
          product.name(),
          product.category(),
          product.description(),
          product.price().setScale(2, RoundingMode.HALF_EVEN),
          product.inventory(),
          product.active());
    }
  }

  private static String plain(BigDecimal price) {
    return price.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }
}
