package dev.marketplace.seller.products;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketplace.client.http.Json;
import dev.marketplace.client.model.Product;
import dev.marketplace.seller.command.CommandFailure;
import dev.marketplace.seller.command.ExitCode;
import java.io.IOException;
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

  /**
   * Reads CSV lines after the header. A record that cannot be read (a quote never closed swallows
   * the rest of the file) is reported on the line where it starts, and reading goes on from the
   * next line, so that no line after it is silently lost.
   */
  private static List<ProductLine> readCsv(String text) {
    List<String> physical = List.of(text.split("\r?\n", -1));
    List<String> header;
    try (CSVParser parser = CSVParser.parse(physical.getFirst(), CSVFormat.DEFAULT)) {
      List<CSVRecord> records = parser.getRecords();
      if (records.isEmpty()) {
        throw unreadable("The file is empty; its first line is the header: " + HEADER + ".");
      }
      header = records.getFirst().toList();
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw unreadable("Line 1: the header cannot be read; it is " + HEADER + ".");
    }
    Map<String, String> columns = columns(header);
    CSVFormat format = CSVFormat.DEFAULT.builder().setTrim(false).get();
    List<ProductLine> lines = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    int first = 2;
    while (first <= physical.size()) {
      String rest = String.join("\n", physical.subList(first - 1, physical.size()));
      int restart = -1;
      try (CSVParser parser = CSVParser.parse(rest, format)) {
        Iterator<CSVRecord> records = parser.iterator();
        while (restart < 0) {
          int line = first + (int) parser.getCurrentLineNumber();
          CSVRecord record;
          try {
            if (!records.hasNext()) {
              break;
            }
            record = records.next();
          } catch (UncheckedIOException | IllegalStateException broken) {
            lines.add(ProductLine.failed(line, null, unreadableRecord(broken)));
            restart = line + 1;
            continue;
          }
          if (record.size() == 1 && record.get(0).isBlank()) {
            continue;
          }
          if (record.size() != header.size()) {
            lines.add(
                ProductLine.failed(
                    line,
                    null,
                    "has " + record.size() + " fields where the header has " + header.size()));
            continue;
          }
          Map<String, String> fields = new HashMap<>();
          for (int i = 0; i < header.size(); i++) {
            fields.put(columns.get(header.get(i)), record.get(i));
          }
          lines.add(unique(ProductLine.parse(line, fields), seen));
        }
      } catch (IOException e) {
        throw unreadable("The file cannot be read as CSV.");
      }
      if (restart < 0) {
        break;
      }
      first = restart;
    }
    return lines;
  }

  /** Why a record cannot be read, in the words of the one mistake people make. */
  private static String unreadableRecord(RuntimeException broken) {
    String cause = rootMessage(broken);
    return cause != null && cause.contains("EOF reached before encapsulated token finished")
        ? "a quote opened here is never closed"
        : "cannot be read as CSV";
  }

  /** Maps the header's names to our columns; refuses unknown or missing ones. */
  private static Map<String, String> columns(List<String> header) {
    // Spreadsheets in many locales save "CSV" with semicolons (or tabs) between the columns.
    if (header.size() == 1
        && (header.getFirst().contains(";") || header.getFirst().contains("\t"))) {
      String separator = header.getFirst().contains(";") ? "semicolons" : "tabs";
      throw unreadable(
          "Line 1: the columns must be separated by commas, not "
              + separator
              + "; the header is "
              + HEADER
              + ".");
    }
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
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      var at = e.getLocation();
      throw unreadable(
          at == null
              ? "The file is not valid JSON."
              : "The file is not valid JSON: look at line "
                  + at.getLineNr()
                  + ", column "
                  + at.getColumnNr()
                  + ".");
    } catch (IOException e) {
      throw unreadable("The file cannot be read as JSON.");
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
