package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ranked search, typo tolerance, filters, sorts and keyset pages through HTTP. */
class CatalogSearchTest extends ApiTest {

  private static Account audio;
  private static Account home;
  private static long headphones;
  private static long earbuds;
  private static long speaker;
  private static long lamp;
  private static long phoneCase;

  @BeforeAll
  static void catalog() {
    audio = fixtures.seller("Audio House");
    home = fixtures.seller("Home Goods");
    headphones =
        product(audio, "Wireless Headphones", "Electronics", "Over-ear, 30 h battery", "79.99", 5);
    earbuds =
        product(
            audio,
            "Sport Earbuds",
            "Electronics",
            "Wireless earbuds with a charging case",
            "49.00",
            0);
    speaker = product(audio, "Bluetooth Speaker", "Electronics", "Loud, waterproof", "120.00", 3);
    lamp = product(home, "Desk Lamp", "Home", "Warm light for wireless-free desks", "25.50", 10);
    phoneCase = product(home, "Leather Phone Case", "Accessories", "Fits most phones", "15.00", 7);
  }

  @Test
  void searchRanksNameMatchesAboveDescriptionMatches() {
    List<Long> found = ids(search("q=wireless"));

    assertThat(found).startsWith(headphones).contains(earbuds, lamp);
    assertThat(found.indexOf(headphones)).isLessThan(found.indexOf(earbuds));
  }

  @Test
  void searchToleratesTyposAndFindsParts() {
    assertThat(ids(search("q=hedphones"))).contains(headphones);
    assertThat(ids(search("q=phone"))).contains(headphones, phoneCase);
    assertThat(ids(search("q=speakr"))).contains(speaker);
    assertThat(ids(search("q=zzzzqqq"))).isEmpty();
  }

  @Test
  void filtersCombine() {
    assertThat(ids(browse("category=electronics,accessories&sort=price_asc")))
        .containsExactly(phoneCase, earbuds, headphones, speaker);
    assertThat(ids(browse("min_price=20&max_price=80&sort=price_asc")))
        .containsExactly(lamp, earbuds, headphones);
    assertThat(ids(browse("in_stock=true&category=Electronics"))).doesNotContain(earbuds);
    assertThat(ids(browse("seller_id=" + home.id()))).containsExactlyInAnyOrder(lamp, phoneCase);
    assertThat(ids(search("q=wireless&category=home"))).containsExactly(lamp);
    assertThat(ids(browse("min_rating=4"))).isEmpty();
  }

  @Test
  void everySortOrdersAsNamed() {
    assertThat(ids(browse("seller_id=" + audio.id() + "&sort=newest")))
        .containsExactly(speaker, earbuds, headphones);
    assertThat(ids(browse("seller_id=" + audio.id() + "&sort=price_desc")))
        .containsExactly(speaker, headphones, earbuds);
    Account buyer = fixtures.buyer("Best Seller Fan");
    fixtures.order(buyer, speaker, 2);
    fixtures.order(buyer, headphones, 1);
    assertThat(ids(browse("seller_id=" + audio.id() + "&sort=best_selling")))
        .containsExactly(speaker, headphones, earbuds);
    assertThat(ids(browse("seller_id=" + audio.id() + "&sort=rating"))).hasSize(3);
  }

  @Test
  void pagesNeverRepeatOrSkipEvenWithInsertsInBetween() {
    Account seller = fixtures.seller("Paging Shop");
    List<Long> expected = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      expected.add(product(seller, "Paging item " + i, "Paging", "", (10 + i) + ".00", 1));
    }
    List<Long> seen = new ArrayList<>();
    String query = "category=paging&sort=price_asc&limit=3";
    JsonObject page = browsePage(query);
    seen.addAll(ids(page.getJsonArray("products")));
    product(seller, "Paging cheap newcomer", "Paging", "", "1.00", 1);
    while (page.getString("next_cursor") != null) {
      page = browsePage(query + "&cursor=" + page.getString("next_cursor"));
      seen.addAll(ids(page.getJsonArray("products")));
      product(seller, "Paging newcomer", "Paging", "", "99.00", 1);
    }

    assertThat(seen.subList(0, 7)).containsExactlyElementsOf(expected);
    assertThat(seen).doesNotHaveDuplicates();
  }

  @Test
  void searchPagesFollowTheRanking() {
    JsonObject first = api.get("/api/buyers/products/search?q=wireless&limit=1").json();
    JsonObject second =
        api.get(
                "/api/buyers/products/search?q=wireless&limit=1&cursor="
                    + first.getString("next_cursor"))
            .json();

    assertThat(ids(first.getJsonArray("products"))).containsExactly(headphones);
    assertThat(ids(second.getJsonArray("products"))).doesNotContain(headphones).hasSize(1);
  }

  @Test
  void badParametersAreNamed() {
    assertThat(message(api.get("/api/buyers/products?sort=cheapest"))).contains("sort");
    assertThat(message(api.get("/api/buyers/products?min_price=-1"))).contains("min_price");
    assertThat(message(api.get("/api/buyers/products?min_rating=6"))).contains("min_rating");
    assertThat(message(api.get("/api/buyers/products?in_stock=maybe"))).contains("in_stock");
    assertThat(message(api.get("/api/buyers/products?limit=201"))).contains("limit");
    assertThat(message(api.get("/api/buyers/products?min_price=9&max_price=1")))
        .contains("min_price");
    assertThat(message(api.get("/api/buyers/products?sort=relevance"))).contains("sort");
    assertThat(message(api.get("/api/buyers/products?cursor=garbage"))).contains("cursor");
    String priceCursor = browsePage("sort=price_asc&limit=1").getString("next_cursor");
    assertThat(message(api.get("/api/buyers/products?sort=newest&cursor=" + priceCursor)))
        .contains("cursor");
    assertThat(api.get("/api/buyers/products/search?q=").status()).isEqualTo(400);
  }

  @Test
  void categoriesCountActiveProducts() {
    JsonArray categories = api.get("/api/categories").json().getJsonArray("categories");

    JsonObject electronics =
        categories.stream()
            .map(JsonObject.class::cast)
            .filter(c -> c.getString("name").equals("Electronics"))
            .findFirst()
            .orElseThrow();
    assertThat(electronics.getLong("product_count")).isEqualTo(3);
  }

  @Test
  void productDetailShowsSellerRatingAndImages() {
    ApiResponse detail = api.get("/api/buyers/products/" + lamp);

    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.json().getString("seller_name")).isEqualTo("Home Goods");
    assertThat(detail.json().getJsonObject("rating").getJsonObject("histogram").getLong("5"))
        .isZero();
    assertThat(detail.json().getJsonArray("images")).isEmpty();
    assertThat(api.get("/api/buyers/products/987654321").status()).isEqualTo(404);
  }

  private static long product(
      Account seller, String name, String category, String description, String price, int stock) {
    ApiResponse created =
        seller
            .api()
            .post(
                "/api/sellers/products",
                new JsonObject()
                    .put("name", name)
                    .put("category", category)
                    .put("description", description)
                    .put("price", new java.math.BigDecimal(price))
                    .put("inventory", stock));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getLong("id");
  }

  private static JsonArray search(String query) {
    ApiResponse response = api.get("/api/buyers/products/search?" + query);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().getJsonArray("products");
  }

  private static JsonArray browse(String query) {
    return browsePage(query).getJsonArray("products");
  }

  private static JsonObject browsePage(String query) {
    ApiResponse response = api.get("/api/buyers/products?" + query);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static String message(ApiResponse response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    return response.json().getString("message");
  }

  private static List<Long> ids(JsonArray products) {
    return CatalogApiTest.ids(products);
  }
}
