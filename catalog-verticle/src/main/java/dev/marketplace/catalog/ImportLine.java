package dev.marketplace.catalog;

import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.FieldError;
import dev.marketplace.common.json.Money;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One line of a bulk import by SKU, read and checked on its own: the contract lets every line
 * through so that one bad line fails alone, and the checks here are the contract's {@code
 * ProductBySku} rules with the same words.
 */
record ImportLine(
    int line,
    String sku,
    String name,
    String category,
    String description,
    BigDecimal price,
    int inventory,
    boolean active,
    List<FieldError> problems) {

  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final BigDecimal MAX_PRICE = new BigDecimal("9999999999.99");
  private static final int MAX_INVENTORY = 1_000_000_000;

  boolean ok() {
    return problems.isEmpty();
  }

  /** Whether {@code product} already has exactly these fields. */
  boolean sameAs(Product product) {
    return product.name().equals(name)
        && product.category().equals(category)
        && product.description().equals(description)
        && product.price().compareTo(price) == 0
        && product.inventory() == inventory
        && product.active() == active;
  }

  static ImportLine read(int line, JsonObject json) {
    List<FieldError> problems = new ArrayList<>();
    String sku = json.getString("sku");
    if (sku == null || sku.isEmpty()) {
      problems.add(new FieldError("sku", "sku is required"));
    } else if (sku.length() > 64 || !SKU.matcher(sku).matches()) {
      problems.add(
          new FieldError(
              "sku",
              "sku must be at most 64 letters, digits, ., _ and -, starting with a letter or"
                  + " digit"));
    }
    String name = text(json.getString("name"), "name", 255, problems);
    String category = text(json.getString("category"), "category", 100, problems);
    String description = json.getString("description", "");
    if (description.length() > 10_000) {
      problems.add(new FieldError("description", "description must be at most 10000 characters"));
    }
    BigDecimal price = null;
    Object rawPrice = json.getValue("price");
    if (rawPrice == null) {
      problems.add(new FieldError("price", "price is required"));
    } else {
      try {
        price = Money.fromJson(rawPrice, "price");
        if (price.signum() <= 0 || price.compareTo(MAX_PRICE) > 0) {
          problems.add(
              new FieldError("price", "price must be more than 0 and at most 9999999999.99"));
        }
      } catch (DomainException refused) {
        problems.add(new FieldError("price", refused.getMessage()));
      }
    }
    Integer inventory = null;
    Object rawInventory = json.getValue("inventory");
    if (rawInventory == null) {
      problems.add(new FieldError("inventory", "inventory is required"));
    } else if (!(rawInventory instanceof Number number) || !withinInventory(number)) {
      // Compared exactly: a number past the int range must not wrap round into a small one.
      problems.add(new FieldError("inventory", "inventory must be between 0 and " + MAX_INVENTORY));
    } else {
      inventory = number.intValue();
    }
    return new ImportLine(
        line,
        sku,
        name,
        category,
        description,
        price,
        inventory == null ? 0 : inventory,
        json.getBoolean("is_active", true),
        problems);
  }

  private static String text(String value, String field, int max, List<FieldError> problems) {
    String stripped = value == null ? "" : value.strip();
    if (stripped.isEmpty()) {
      problems.add(new FieldError(field, field + " is required and must not be blank"));
    } else if (stripped.length() > max) {
      problems.add(new FieldError(field, field + " must be at most " + max + " characters"));
    }
    return stripped;
  }

  private static boolean withinInventory(Number number) {
    try {
      BigDecimal exact = new BigDecimal(number.toString());
      return exact.stripTrailingZeros().scale() <= 0
          && exact.signum() >= 0
          && exact.compareTo(BigDecimal.valueOf(MAX_INVENTORY)) <= 0;
    } catch (NumberFormatException notFinite) {
      return false;
    }
  }
}
