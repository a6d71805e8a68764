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
 * matches: their rank is at least 3, the others' at most 2 (the text rank, capped at 1, plus the
 * name's similarity, at most 1). A name that merely resembles a word the text excludes ("-glass")
 * therefore never outranks a product that matches the text.
 *
 * <p>Only a bounded set of candidates is ranked: the first {@value #CANDIDATES} full-text matches
 * the index yields and the first {@value #CANDIDATES} name matches, each with the filters applied.
 * A broad word ("model" is in every description) would otherwise make every search rank much of the
 * catalogue; with the bound a search costs about the same at any catalogue size.
 *
 * <p>Each match is ranked and paged on the {@code products} row its index scan read (and its stock
 * row, where a filter or the sort needs it); only the page is joined to stock and sellers. At a
 * million products joining every match before ranking was a fifth of a search's time.
 */
public final class ProductQuery {

  /** How many full-text matches, and how many name matches, a search ranks at most. */
  public static final int CANDIDATES = 500;

  /**
   * The search text, always parameter {@code $1}, as a full-text query. As a sub-select it is
   * parsed once per execution even in a generic plan (called in place, it would be parsed for every
   * row ranked), so that PostgreSQL can keep one plan per connection instead of planning each
   * search again: planning took more than half of a search's time at a million products.
   */
  private static final String TEXT_QUERY = "(SELECT websearch_to_tsquery('english', $1))";

  /** The relevance of a product to the search text. */
  static final String RANK =
      "((CASE WHEN p.search_vector @@ "
          + TEXT_QUERY
          + " THEN 3 ELSE 0 END)"
          + " + least(ts_rank(p.search_vector, "
          + TEXT_QUERY
          + "), 1)"
          + " + word_similarity($1, p.name))::float8";

  /**
   * How products are ordered: by a key (highest or lowest first), then by id. Each names the id
   * column of the table its index is on ({@code s.product_id} equals {@code p.id}), so that the
   * keyset condition is a range of that index.
   */
  public enum Sort {
    RELEVANCE(RANK, "float8", true, "p.id"),
    NEWEST(null, null, true, "p.id"),
    PRICE_ASC("p.price", "numeric", false, "p.id"),
    PRICE_DESC("p.price", "numeric", true, "p.id"),
    RATING("p.rating_avg", "numeric", true, "p.id"),
    BEST_SELLING("s.units_sold", "int", true, "s.product_id");

    private final String key;
    private final String keyType;
    private final boolean descending;
    private final String id;

    Sort(String key, String keyType, boolean descending, String id) {
      this.key = key;
      this.keyType = keyType;
      this.descending = descending;
      this.id = id;
    }

    /** The contract allows {@code relevance} for searches only. */
    static Sort parse(String value, boolean searching) {
      if (value == null) {
        return searching ? RELEVANCE : NEWEST;
      }
      return valueOf(value.toUpperCase(Locale.ROOT));
    }

    String orderBy() {
      return orderBy(key, id);
    }

    /** The order by this sort's key, read from {@code keyColumn}, then by {@code idColumn}. */
    String orderBy(String keyColumn, String idColumn) {
      String direction = descending ? " DESC" : "";
      return (keyColumn == null ? "" : keyColumn + direction + ", ") + idColumn + direction;
    }

    /** The keyset condition after the key and id of the previous page's last product. */
    String after(Object lastKey, long lastId, Parameters parameters) {
      return after(key, id, lastKey, lastId, parameters);
    }

    private String after(
        String keyColumn, String idColumn, Object lastKey, long lastId, Parameters parameters) {
      String comparison = descending ? " < " : " > ";
      if (keyColumn == null) {
        return idColumn + comparison + parameters.add(lastId) + "::bigint";
      }
      String keyParameter = parameters.add(lastKey) + "::" + keyType;
      return "("
          + keyColumn
          + ", "
          + idColumn
          + ")"
          + comparison
          + "("
          + keyParameter
          + ", "
          + parameters.add(lastId)
          + "::bigint)";
    }

    /**
     * What a search's matches carry besides id and rank: the sort key, as {@code sort_key}, where
     * the sort has one other than the rank.
     */
    String matchKey() {
      return key == null || this == RELEVANCE ? "" : ", " + key + " AS sort_key";
    }

    /** The column of a search's matches under {@code alias} that holds this sort's key. */
    String matchKeyColumn(String alias) {
      if (key == null) {
        return null;
      }
      return alias + (this == RELEVANCE ? ".rank" : ".sort_key");
    }

    String matchOrderBy(String alias) {
      return orderBy(matchKeyColumn(alias), alias + ".id");
    }

    String matchAfter(String alias, Object lastKey, long lastId, Parameters parameters) {
      return after(matchKeyColumn(alias), alias + ".id", lastKey, lastId, parameters);
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

    /**
     * Reads a cursor's key back, refusing any value this sort's column cannot hold: a cursor comes
     * from the client, so it is checked like any other input.
     */
    Object parseKey(String text) {
      return switch (this) {
        case RELEVANCE -> finite(Double.parseDouble(text));
        case NEWEST -> throw new IllegalArgumentException("newest cursors carry no key");
        case PRICE_ASC, PRICE_DESC -> bounded(new BigDecimal(text), MAX_PRICE);
        case RATING -> bounded(new BigDecimal(text), MAX_RATING);
        case BEST_SELLING -> nonNegative(Integer.parseInt(text));
      };
    }
  }

  /** The largest price a product can have: NUMERIC(12, 2). */
  private static final BigDecimal MAX_PRICE = new BigDecimal("9999999999.99");

  private static final BigDecimal MAX_RATING = new BigDecimal("5.00");

  private static double finite(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite rank");
    }
    return value;
  }

  private static int nonNegative(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative count");
    }
    return value;
  }

  /** A decimal of at most two places between 0 and {@code max}; compared before scaling. */
  private static BigDecimal bounded(BigDecimal value, BigDecimal max) {
    if (value.signum() < 0 || value.compareTo(max) > 0 || value.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException("out of range");
    }
    return value.setScale(2);
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
  private final Parameters parameters = new Parameters();
  private final String sql;

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
    this.sql = build();
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
      throw DomainException.invalidField("min_price", "min_price must not be above max_price.");
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

  /** Whether this is a search (ranked by its text) rather than a browse. */
  public boolean searching() {
    return text != null;
  }

  public int limit() {
    return limit;
  }

  /** The SQL of this page; its parameters come from {@link #parameters()}. */
  public String sql() {
    return sql;
  }

  public Tuple parameters() {
    return parameters.tuple;
  }

  /**
   * Writes the statement and its parameters together: each value is numbered as it is added, so the
   * SQL names exactly the parameters the tuple holds, whichever filters and sort are used.
   */
  private String build() {
    List<String> filters = new ArrayList<>();
    String searchText = text == null ? null : parameters.add(text);
    String likePattern =
        text == null ? null : parameters.add("%" + ProductRepository.escapeLike(text) + "%");
    filters.add("p.is_active");
    if (categories.size() == 1) {
      // Equality lets the (category, id) index return a category's products already in order.
      filters.add("lower(p.category) = " + parameters.add(categories.get(0)) + "::text");
    } else if (!categories.isEmpty()) {
      filters.add(
          "lower(p.category) = ANY("
              + parameters.add(categories.toArray(String[]::new))
              + "::text[])");
    }
    if (minPrice != null) {
      filters.add("p.price >= " + parameters.add(minPrice) + "::numeric");
    }
    if (maxPrice != null) {
      filters.add("p.price <= " + parameters.add(maxPrice) + "::numeric");
    }
    if (minRating != null) {
      filters.add("p.rating_avg >= " + parameters.add(minRating) + "::numeric");
    }
    if (inStockOnly) {
      filters.add("s.inventory > 0");
    }
    if (sellerId != null) {
      filters.add("p.seller_id = " + parameters.add(sellerId) + "::bigint");
    }
    if (text == null) {
      List<String> where = new ArrayList<>(filters);
      if (after != null) {
        where.add(sort.after(after.key(), after.id(), parameters));
      }
      return "SELECT "
          + Product.COLUMNS
          + ", 0::float8 AS rank FROM "
          + Product.TABLES
          + " WHERE "
          + String.join(" AND ", where)
          + " ORDER BY "
          + sort.orderBy()
          + " LIMIT "
          + parameters.add(limit);
    }
    String filtered = String.join(" AND ", filters);
    boolean readsStock = inStockOnly || sort == Sort.BEST_SELLING;
    String pageSize = parameters.add(limit);
    String nameMatch =
        "(" + searchText + " <% p.name OR p.name ILIKE " + likePattern + " ESCAPE '\\')";
    if (sort == Sort.RELEVANCE) {
      // Every full-text match ranks above every name match: when the full-text matches fill the
      // page, the names (the dearer index scans) are not searched at all.
      nameMatch +=
          " AND (SELECT count(*) FROM text_matches t"
              + (after == null
                  ? ""
                  : " WHERE " + sort.matchAfter("t", after.key(), after.id(), parameters))
              + ") < "
              + pageSize;
    }
    // The matches are ranked and paged on their own rows; only the page's products are joined to
    // their stock and seller. UNION drops a product both branches found (same id, rank and key).
    String page =
        "SELECT m.* FROM (SELECT * FROM text_matches UNION "
            + matches(nameMatch, filtered, readsStock)
            + ") m"
            + (after == null
                ? ""
                : " WHERE " + sort.matchAfter("m", after.key(), after.id(), parameters))
            + " ORDER BY "
            + sort.matchOrderBy("m")
            + " LIMIT "
            + pageSize;
    return "WITH text_matches AS MATERIALIZED "
        + matches("p.search_vector @@ " + TEXT_QUERY, filtered, readsStock)
        + " SELECT "
        + Product.COLUMNS
        + ", page.rank FROM ("
        + page
        + ") page JOIN ("
        + Product.TABLES
        + ") ON p.id = page.id ORDER BY "
        + sort.matchOrderBy("page");
  }

  /**
   * At most {@link #CANDIDATES} products that match and pass the filters, each with its rank and
   * sort key, read from the row the match found; the stock is joined only where a filter or the
   * sort reads it.
   */
  private String matches(String match, String filters, boolean readsStock) {
    // The aliases are the service's usual p and s, so that the filters and the sort key read them.
    return "(SELECT p.id, "
        + RANK
        + " AS rank"
        + sort.matchKey()
        + " FROM products p"
        + (readsStock ? " JOIN product_stock s ON s.product_id = p.id" : "")
        + " WHERE "
        + match
        + " AND "
        + filters
        + " LIMIT "
        + CANDIDATES
        + ")";
  }

  /** The cursor that continues after {@code last}, the last product of a full page. */
  public String cursorAfter(Product last, double rank) {
    return new Cursor(sort, sort.keyOf(last, rank), last.id()).encode();
  }

  /** A validated number parameter; the contract bounds it, and this refuses what slips past. */
  private static BigDecimal decimal(JsonObject query, String name) {
    Object value = query.getValue(name);
    if (value == null) {
      return null;
    }
    try {
      return new BigDecimal(value.toString());
    } catch (NumberFormatException notFinite) {
      throw DomainException.invalidField(name, name + " must be a finite number.");
    }
  }

  /** The values of a statement, each added where the SQL refers to it as {@code $n}. */
  static final class Parameters {

    private final Tuple tuple = Tuple.tuple();

    /** Adds {@code value} and returns the placeholder that stands for it. */
    String add(Object value) {
      tuple.addValue(value);
      return "$" + tuple.size();
    }
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
        throw DomainException.invalidField("cursor", "cursor is not one this server gave out.");
      }
      if (sort != expected) {
        throw DomainException.invalidField("cursor", "cursor belongs to another sort.");
      }
      try {
        String key = json.getString("k");
        long id = json.getLong("i");
        if (id < 1 || (key == null) != (sort == Sort.NEWEST)) {
          throw new IllegalArgumentException("incomplete cursor");
        }
        return new Cursor(sort, key == null ? null : sort.parseKey(key), id);
      } catch (RuntimeException malformed) {
        throw DomainException.invalidField("cursor", "cursor is not one this server gave out.");
      }
    }
  }
}
