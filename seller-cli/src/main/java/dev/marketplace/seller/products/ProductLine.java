package dev.marketplace.seller.products;

import dev.marketplace.client.model.NewProduct;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One line of an import file, checked the way the server will check it, so that a bad line is named
 * with its number before anything is sent: either a product to put under its SKU, or the reason the
 * line cannot be used.
 */
record ProductLine(int line, String sku, NewProduct product, String problem) {

  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final BigDecimal MAX_PRICE = new BigDecimal("9999999999.99");
  private static final int MAX_STOCK = 1_000_000_000;

  boolean ok() {
    return problem == null;
  }

  static ProductLine failed(int line, String sku, String problem) {
    return new ProductLine(line, sku, null, problem);
  }

  /** Reads the fields of one line (absent ones null) as the import's columns name them. */
  static ProductLine parse(int line, Map<String, String> fields) {
    String sku = trimmed(fields.get("sku"));
    try {
      if (sku == null) {
        throw new IllegalArgumentException("sku is missing");
      }
      if (!SKU.matcher(sku).matches()) {
        throw new IllegalArgumentException(
            "sku " + sku + " may have only letters, digits, '.', '_' and '-' (at most 64)");
      }
      String name = required(fields, "name", 255);
      String category = required(fields, "category", 100);
      String description = fields.get("description") == null ? "" : fields.get("description");
      if (description.length() > 10_000) {
        throw new IllegalArgumentException("description is longer than 10000 characters");
      }
      return new ProductLine(
          line,
          sku,
          new NewProduct(
              sku,
              name,
              category,
              description,
              price(trimmed(fields.get("price"))),
              stock(trimmed(fields.get("stock"))),
              active(trimmed(fields.get("active")))),
          null);
    } catch (IllegalArgumentException e) {
      return failed(line, sku, e.getMessage());
    }
  }

  private static String required(Map<String, String> fields, String column, int longest) {
    String value = trimmed(fields.get(column));
    if (value == null) {
      throw new IllegalArgumentException(column + " is missing");
    }
    if (value.length() > longest) {
      throw new IllegalArgumentException(column + " is longer than " + longest + " characters");
    }
    return value;
  }

  private static BigDecimal price(String text) {
    if (text == null) {
      throw new IllegalArgumentException("price is missing");
    }
    BigDecimal price;
    try {
      price = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("price must be a number like 12.50, not \"" + text + "\"");
    }
    if (price.signum() <= 0 || price.compareTo(MAX_PRICE) > 0) {
      throw new IllegalArgumentException(
          "price " + text + " must be above 0 and at most " + MAX_PRICE);
    }
    if (price.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException("price " + text + " has more than two decimals");
    }
    return price;
  }

  private static int stock(String text) {
    if (text == null) {
      throw new IllegalArgumentException("stock is missing");
    }
    try {
      int stock = Integer.parseInt(text);
      if (stock >= 0 && stock <= MAX_STOCK) {
        return stock;
      }
    } catch (NumberFormatException e) {
      // Said below.
    }
    throw new IllegalArgumentException(
        "stock " + text + " must be a whole number from 0 to " + MAX_STOCK);
  }

  private static Boolean active(String text) {
    if (text == null) {
      return Boolean.TRUE;
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1", "active" -> Boolean.TRUE;
      case "false", "no", "n", "0", "inactive" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("active " + text + " must be true or false");
    };
  }

  private static String trimmed(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return value.strip();
  }
}
