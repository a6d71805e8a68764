// Over 300 lines: the sorts, the SQL they make and the cursor that continues them change together.
package dev.marketplace.catalog;

import dev.marketplace.common.error.DomainException;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * One page of a product listing as SQL: the filters, the sort and the keyset condition that
 * continues after the last product of the previous page. Every sort ends in the product id, so the
 * order is total and a page boundary never moves when products are added meanwhile.
 *
 * <p>A search matches the weighted full-text index, names within a typo of the text ({@code <%},
 * pg_trgm's word similarity) and names containing the text. Full-text matches rank above name-only
 * matches: their rank is at least 1, the others' below 1.
 *
 * <p>Only a bounded set of candidates is ranked: the first {@value #CANDIDATES} full-text matches
 * the index yields and the first {@value #CANDIDATES} name matches, each with the filters applied.
 * A broad word ("model" is in every description) would otherwise make every search rank much of the
 * catalogue; with the bound a search costs about the same at any catalogue size.
 */
public final class ProductQuery {

  /** How many full-text matches, and how many name matches, a search ranks at most. */
  public static final int CANDIDATES = 500;

  /** The relevance of a product to the search text {@code $1}. */
  static final String RANK =
      "((CASE WHEN p.search_vector @@ websearch_to_tsquery('english', $1) THEN 1 ELSE 0 END)"
          + " + ts_rank(p.search_vector, websearch_to_tsquery('english', $1))"
          + " + word_similarity($1, p.name))::float8";

  /** How products are ordered: by a key (highest or lowest first), then by id. */
  public enum Sort {
    RELEVANCE(RANK, "float8", true),
    NEWEST(null, null, true),
    PRICE_ASC("p.price", "numeric", false),
    PRICE_DESC("p.price", "numeric", true),
    RATING("p.rating_avg", "numeric", true),
    BEST_SELLING("p.units_sold", "int", true);

    private final String key;
    private final String keyType;
    private final boolean descending;

    Sort(String key, String keyType, boolean descending) {
      this.key = key;
      this.keyType = keyType;
      this.descending = descending;
    }

    /** The contract allows {@code relevance} for searches only. */
    static Sort parse(String value, boolean searching) {
      if (value == null) {
        return searching ? RELEVANCE : NEWEST;
      }
      return valueOf(value.toUpperCase(Locale.ROOT));
    }

    String orderBy() {
      String direction = descending ? " DESC" : "";
      return (key == null ? "" : key + direction + ", ") + "p.id" + direction;
    }

    /** The keyset condition; its parameters are number {@code n} (the key) and {@code n + 1}. */
    String after(int n) {
      String comparison = descending ? " < " : " > ";
      return key == null
          ? "p.id" + comparison + "$" + (n + 1) + "::bigint"
          : "("
              + key
              + ", p.id)"
              + comparison
              + "($"
              + n
              + "::"
              + keyType
              + ", $"
              + (n + 1)
              + "::bigint)";
    }

    Object keyOf(Product product, double rank) {
      return switch (this) {
        case RELEVANCE -> rank;
        case NEWEST -> null;
        case PRICE_ASC, PRICE_DESC -> product.price();
        case RATING -> product.ratingAverage();
        case BEST_SELLING -> product.unitsSold();
      };
    }

    Object parseKey(String text) {
      return switch (this) {
        case RELEVANCE -> Double.parseDouble(text);
        case NEWEST -> null;
        case PRICE_ASC, PRICE_DESC, RATING -> new BigDecimal(text);
        case BEST_SELLING -> Integer.parseInt(text);
      };
    }
  }

  private final String text;
  private final List<String> categories;
  private final BigDecimal minPrice;
  private final BigDecimal maxPrice;
  private final BigDecimal minRating;
  private final boolean inStockOnly;
  private final Long sellerId;
  private final Sort sort;
  private final Cursor after;
  private final int limit;

  private ProductQuery(
      String text,
      List<String> categories,
      BigDecimal minPrice,
      BigDecimal maxPrice,
      BigDecimal minRating,
      boolean inStockOnly,
      Long sellerId,
      Sort sort,
      Cursor after,
      int limit) {
    this.text = text;
    this.categories = categories;
    this.minPrice = minPrice;
    this.maxPrice = maxPrice;
    this.minRating = minRating;
    this.inStockOnly = inStockOnly;
    this.sellerId = sellerId;
    this.sort = sort;
    this.after = after;
    this.limit = limit;
  }

  /** Reads the validated query parameters of a browse ({@code text} null) or a search. */
  public static ProductQuery of(String text, JsonObject query) {
    Sort sort = Sort.parse(query.getString("sort"), text != null);
    String categoryList = query.getString("category");
    List<String> categories =
        categoryList == null
            ? List.of()
            : Arrays.stream(categoryList.split(","))
                .map(category -> category.strip().toLowerCase(Locale.ROOT))
                .filter(category -> !category.isEmpty())
                .toList();
    BigDecimal minPrice = decimal(query, "min_price");
    BigDecimal maxPrice = decimal(query, "max_price");
    if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
      throw DomainException.badRequest("min_price must not be above max_price.");
    }
    String cursor = query.getString("cursor");
    return new ProductQuery(
        text,
        categories,
        minPrice,
        maxPrice,
        decimal(query, "min_rating"),
        query.getBoolean("in_stock", false),
        query.getLong("seller_id"),
        sort,
        cursor == null ? null : Cursor.decode(cursor, sort),
        query.getInteger("limit", 50));
  }

  public int limit() {
    return limit;
  }

  /** The SQL of this page; its parameters come from {@link #parameters()}. */
  public String sql() {
    List<String> filters = new ArrayList<>();
    // A search's text and its LIKE pattern are $1 and $2.
    int n = text == null ? 1 : 3;
    filters.add("p.is_active");
    if (categories.size() == 1) {
      // Equality lets the (category, id) index return a category's products already in order.
      filters.add("lower(p.category) = $" + n++ + "::text");
    } else if (!categories.isEmpty()) {
      filters.add("lower(p.category) = ANY($" + n++ + "::text[])");
    }
    if (minPrice != null) {
      filters.add("p.price >= $" + n++ + "::numeric");
    }
    if (maxPrice != null) {
      filters.add("p.price <= $" + n++ + "::numeric");
    }
    if (minRating != null) {
      filters.add("p.rating_avg >= $" + n++ + "::numeric");
    }
    if (inStockOnly) {
      filters.add("p.inventory > 0");
    }
    if (sellerId != null) {
      filters.add("p.seller_id = $" + n++ + "::bigint");
    }
    List<String> where = new ArrayList<>();
    if (text == null) {
      where.addAll(filters);
    } else {
      String filtered = String.join(" AND ", filters);
      where.add(
          "p.id IN ("
              + candidates("p.search_vector @@ websearch_to_tsquery('english', $1)", filtered)
              + " UNION ALL "
              + candidates("($1 <% p.name OR p.name ILIKE $2 ESCAPE '\\')", filtered)
              + ")");
    }
    if (after != null) {
      where.add(sort.after(n));
      n += 2;
    }
    return "SELECT "
        + Product.COLUMNS
        + ", "
        + (text == null ? "0::float8" : RANK)
        + " AS rank FROM products p JOIN users u ON u.id = p.seller_id WHERE "
        + String.join(" AND ", where)
        + " ORDER BY "
        + sort.orderBy()
        + " LIMIT $"
        + n;
  }

  /** At most {@link #CANDIDATES} ids of products that match and pass the filters. */
  private static String candidates(String match, String filters) {
    // The inner alias is p as well, so that the filters read the candidate's row.
    return "(SELECT p.id FROM products p WHERE "
        + match
        + " AND "
        + filters
        + " LIMIT "
        + CANDIDATES
        + ")";
  }

  public Tuple parameters() {
    Tuple tuple = Tuple.tuple();
    if (text != null) {
      tuple.addString(text).addString("%" + ProductRepository.escapeLike(text) + "%");
    }
    if (categories.size() == 1) {
      tuple.addString(categories.get(0));
    } else if (!categories.isEmpty()) {
      tuple.addValue(categories.toArray(String[]::new));
    }
    if (minPrice != null) {
      tuple.addValue(minPrice);
    }
    if (maxPrice != null) {
      tuple.addValue(maxPrice);
    }
    if (minRating != null) {
      tuple.addValue(minRating);
    }
    if (sellerId != null) {
      tuple.addLong(sellerId);
    }
    if (after != null) {
      tuple.addValue(after.key()).addLong(after.id());
    }
    return tuple.addInteger(limit);
  }

  /** The cursor that continues after {@code last}, the last product of a full page. */
  public String cursorAfter(Product last, double rank) {
    return new Cursor(sort, sort.keyOf(last, rank), last.id()).encode();
  }

  private static BigDecimal decimal(JsonObject query, String name) {
    Object value = query.getValue(name);
    return value == null ? null : new BigDecimal(value.toString());
  }

  /** Where the previous page ended: its sort, the last sort key and id. */
  record Cursor(Sort sort, Object key, long id) {

    String encode() {
      JsonObject json =
          new JsonObject()
              .put("s", sort.name())
              .put("k", key == null ? null : key.toString())
              .put("i", id);
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String text, Sort expected) {
      JsonObject json;
      Sort sort;
      try {
        json =
            new JsonObject(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
        sort = Sort.valueOf(json.getString("s"));
      } catch (RuntimeException malformed) {
        throw DomainException.badRequest("cursor is not one this server gave out.");
      }
      if (sort != expected) {
        throw DomainException.badRequest("cursor belongs to another sort.");
      }
      try {
        String key = json.getString("k");
        return new Cursor(sort, key == null ? null : sort.parseKey(key), json.getLong("i"));
      } catch (RuntimeException malformed) {
        throw DomainException.badRequest("cursor is not one this server gave out.");
      }
    }
  }
}
