package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pages through browse and search under every sort and every filter, with new products listed
 * between the pages, and checks what a buyer relies on: every product that was there is seen
 * exactly once, none twice, each one matches the filter, and the pages are in the sort's order.
 */
class PaginationTest extends ApiTest {

  private static final int PAGE = 4;
  private static final String[] CATEGORIES = {"Home", "Garden", "Toys"};
  private static final String[] PRICES = {
    "5.00", "5.00", "9.99", "12.50", "12.50", "20.00", "75.25"
  };
  private static final String[] RATINGS = {"0.00", "3.50", "3.50", "4.00", "5.00"};
  private static final int[] UNITS = {0, 2, 2, 7, 10};

  private static Account first;
  private static Account second;
  private static final Map<Long, Listed> products = new LinkedHashMap<>();
  private static int inserted;

  /** What the test knows of a product it listed. */
  record Listed(
      long id,
      long sellerId,
      String category,
      BigDecimal price,
      int inventory,
      BigDecimal rating,
      int unitsSold) {}

  @BeforeAll
  static void catalogue() throws Exception {
    first = fixtures.seller("Paging One");
    second = fixtures.seller("Paging Two");
    for (int i = 0; i < 24; i++) {
      Listed listed = list(i % 2 == 0 ? first : second, i, i % 4 == 0 ? 0 : 10);
      BigDecimal rating = new BigDecimal(RATINGS[i % RATINGS.length]);
      int units = UNITS[(i / 2) % UNITS.length];
      database.execute(
          "UPDATE products SET rating_avg = "
              + rating
              + ", rating_count = 1, rating_sum = "
              + rating.intValue()
              + " WHERE id = "
              + listed.id());
      database.execute(
          "UPDATE product_stock SET units_sold = " + units + " WHERE product_id = " + listed.id());
      products.put(
          listed.id(),
          new Listed(
              listed.id(),
              listed.sellerId(),
              listed.category(),
              listed.price(),
              listed.inventory(),
              rating,
              units));
    }
  }

  @Test
  void browsingVisitsEveryProductExactlyOnceUnderEverySortAndFilter() {
    for (String sort : List.of("newest", "price_asc", "price_desc", "rating", "best_selling")) {
      filters().forEach((query, filter) -> page("/api/buyers/products?", sort, query, filter));
    }
  }

  @Test
  void searchingVisitsEveryMatchExactlyOnceUnderEverySortAndFilter() {
    for (String sort :
        List.of("relevance", "newest", "price_asc", "price_desc", "rating", "best_selling")) {
      filters()
          .forEach(
              (query, filter) -> page("/api/buyers/products/search?q=lamp&", sort, query, filter));
    }
  }

  private static Map<String, Predicate<Listed>> filters() {
    Map<String, Predicate<Listed>> filters = new LinkedHashMap<>();
    filters.put("", p -> true);
    filters.put("category=home", p -> p.category().equals("Home"));
    filters.put("category=HOME,toys", p -> !p.category().equals("Garden"));
    filters.put("min_price=9.99", p -> p.price().compareTo(new BigDecimal("9.99")) >= 0);
    filters.put("max_price=12.50", p -> p.price().compareTo(new BigDecimal("12.50")) <= 0);
    filters.put("min_rating=3.5", p -> p.rating().compareTo(new BigDecimal("3.5")) >= 0);
    filters.put("in_stock=true", p -> p.inventory() > 0);
    filters.put("seller_id=" + second.id(), p -> p.sellerId() == second.id());
    filters.put(
        "category=garden&min_price=5&max_price=20&in_stock=true",
        p ->
            p.category().equals("Garden")
                && p.price().compareTo(new BigDecimal("20")) <= 0
                && p.inventory() > 0);
    return filters;
  }

  /** Pages to the end, listing a product after each of the first pages, and checks the result. */
  private static void page(String base, String sort, String query, Predicate<Listed> filter) {
    String what = base + "sort=" + sort + "&" + query;
    Set<Long> expected = new HashSet<>();
    products.values().stream().filter(filter).forEach(p -> expected.add(p.id()));
    List<Long> seen = new ArrayList<>();
    List<Long> listedMeanwhile = new ArrayList<>();
    String cursor = null;
    do {
      String uri = what + "&limit=" + PAGE + (cursor == null ? "" : "&cursor=" + cursor);
      ApiResponse response = api.get(uri);
      assertThat(response.status()).as(uri + " " + response).isEqualTo(200);
      JsonArray page = response.json().getJsonArray("products");
      for (int i = 0; i < page.size(); i++) {
        long id = page.getJsonObject(i).getLong("id");
        assertThat(seen).as("%s: product %d seen twice", what, id).doesNotContain(id);
        Listed product = products.get(id);
        if (product != null) {
          assertThat(filter.test(product)).as("%s: product %d does not match", what, id).isTrue();
        }
        seen.add(id);
      }
      cursor = response.json().getString("next_cursor");
      if (listedMeanwhile.size() < 3) {
        listedMeanwhile.add(list(first, inserted++, 10).id());
      }
    } while (cursor != null);
    assertThat(seen).as("%s: every product there at the start", what).containsAll(expected);
    assertOrdered(what, sort, seen.stream().filter(products::containsKey).toList());
    for (long id : listedMeanwhile) {
      fixtures.change(first, id, new JsonObject().put("is_active", false));
      products.remove(id);
    }
  }

  private static void assertOrdered(String what, String sort, List<Long> ids) {
    Comparator<Listed> byId = Comparator.comparingLong(Listed::id);
    Comparator<Listed> order =
        switch (sort) {
          case "newest" -> byId.reversed();
          case "price_asc" -> Comparator.comparing(Listed::price).thenComparing(byId);
          case "price_desc" -> Comparator.comparing(Listed::price).thenComparing(byId).reversed();
          case "rating" -> Comparator.comparing(Listed::rating).thenComparing(byId).reversed();
          case "best_selling" ->
              Comparator.comparingInt(Listed::unitsSold).thenComparing(byId).reversed();
          default -> null; // relevance: ranks are not part of the answer
        };
    if (order != null) {
      List<Listed> listed = ids.stream().map(products::get).toList();
      assertThat(listed).as("%s: in order", what).isSortedAccordingTo(order);
    }
  }

  /** Lists product number {@code n} and remembers what it is. */
  private static Listed list(Account seller, int n, int inventory) {
    String category = CATEGORIES[n % CATEGORIES.length];
    String price = PRICES[n % PRICES.length];
    JsonObject created = fixtures.product(seller, "Lamp model " + n, category, price, inventory);
    Listed listed =
        new Listed(
            created.getLong("id"),
            seller.id(),
            category,
            new BigDecimal(price),
            inventory,
            BigDecimal.ZERO.setScale(2),
            0);
    products.put(listed.id(), listed);
    return listed;
  }
}
