package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first five results of ten searches on a fixed catalogue. A change to how searches are ranked
 * or read (a cheaper statement, another index) must leave these as they are; a deliberate change of
 * ranking changes them here, where a reviewer sees what moved.
 */
class SearchRankingTest extends ApiTest {

  private static final String[] MATERIALS = {
    "Wireless", "Leather", "Ceramic", "Cotton", "Steel", "Bamboo", "Wooden", "Glass"
  };
  private static final String[] THINGS = {
    "Headphones",
    "Desk Lamp",
    "Kettle",
    "Shirt",
    "Chair",
    "Speaker",
    "Mug",
    "Cable",
    "Backpack",
    "Notebook"
  };
  private static final String[] EDITIONS = {"", " Mini", " Pro"};

  /**
   * 240 products by two sellers: every material with every thing in three editions, each described
   * with another thing it goes with, so that words match in names, in descriptions or both.
   */
  @BeforeAll
  static void catalogue() {
    List<JsonObject> lines = new ArrayList<>();
    for (int i = 0; i < MATERIALS.length * THINGS.length * EDITIONS.length; i++) {
      String material = MATERIALS[i % MATERIALS.length];
      String thing = THINGS[i / MATERIALS.length % THINGS.length];
      String edition = EDITIONS[i / (MATERIALS.length * THINGS.length)];
      String partner = THINGS[(i * 3 + 1) % THINGS.length].toLowerCase();
      lines.add(
          new JsonObject()
              .put("sku", sku(material, thing, edition))
              .put("name", material + " " + thing + edition)
              .put("category", thing)
              .put("description", "Goes well with a " + partner + ". Made of " + material + ".")
              .put("price", new BigDecimal(10 + i % 37 + ".50"))
              .put("inventory", i % 4));
    }
    int half = lines.size() / 2;
    importAs(fixtures.seller("Maker One"), lines.subList(0, half));
    importAs(fixtures.seller("Maker Two"), lines.subList(half, lines.size()));
  }

  private static void importAs(Account seller, List<JsonObject> own) {
    ApiResponse imported =
        seller
            .api()
            .post(
                "/api/sellers/product-imports",
                new JsonObject().put("lines", new JsonArray(new ArrayList<>(own))));
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(imported.json().getJsonObject("summary").getInteger("created"))
        .isEqualTo(own.size());
  }

  @Test
  void topFiveOfTenSearches() {
    assertThat(topFive("wireless headphones"))
        .containsExactly(
            "WIR-HEADPHONES",
            "WIR-HEADPHONES-PRO",
            "WIR-HEADPHONES-MINI",
            "GLA-HEADPHONES-PRO",
            "GLA-HEADPHONES-MINI");
    assertThat(topFive("hedphones"))
        .containsExactly(
            "GLA-HEADPHONES-PRO",
            "WOO-HEADPHONES-PRO",
            "BAM-HEADPHONES-PRO",
            "STE-HEADPHONES-PRO",
            "COT-HEADPHONES-PRO");
    assertThat(topFive("ceramic mug"))
        .containsExactly(
            "CER-MUG", "CER-MUG-PRO", "CER-MUG-MINI", "CER-NOTEBOOK-PRO", "CER-BACKPACK-PRO");
    assertThat(topFive("desk lamp"))
        .containsExactly(
            "CER-DESKLAMP",
            "CER-DESKLAMP-PRO",
            "CER-DESKLAMP-MINI",
            "GLA-DESKLAMP",
            "WOO-DESKLAMP");
    assertThat(topFive("steel kettle pro"))
        .containsExactly(
            "STE-KETTLE-PRO", "STE-KETTLE", "STE-KETTLE-MINI", "LEA-KETTLE-PRO", "GLA-KETTLE-PRO");
    assertThat(topFive("backpack"))
        .containsExactly(
            "BAM-BACKPACK-PRO",
            "BAM-BACKPACK-MINI",
            "BAM-BACKPACK",
            "GLA-BACKPACK-PRO",
            "WOO-BACKPACK-PRO");
    assertThat(topFive("leather"))
        .containsExactly(
            "LEA-NOTEBOOK-PRO",
            "LEA-BACKPACK-PRO",
            "LEA-CABLE-PRO",
            "LEA-MUG-PRO",
            "LEA-SPEAKER-PRO");
    assertThat(topFive("mini speaker"))
        .containsExactly(
            "GLA-SPEAKER-MINI",
            "WOO-SPEAKER-MINI",
            "BAM-SPEAKER-MINI",
            "STE-SPEAKER-MINI",
            "COT-SPEAKER-MINI");
    assertThat(topFive("bambo"))
        .containsExactly(
            "BAM-NOTEBOOK-PRO",
            "BAM-BACKPACK-PRO",
            "BAM-CABLE-PRO",
            "BAM-MUG-PRO",
            "BAM-SPEAKER-PRO");
    assertThat(topFive("wooden chair"))
        .containsExactly(
            "WOO-CHAIR", "WOO-CHAIR-PRO", "WOO-CHAIR-MINI", "WOO-CABLE-PRO", "WOO-CABLE-MINI");
  }

  @Test
  void aProductWhoseNameHasAnExcludedWordRanksBelowEveryMatch() {
    List<String> found = topFive("notebook -glass");

    assertThat(found)
        .hasSize(5)
        .allMatch(sku -> sku.contains("NOTEBOOK") && !sku.startsWith("GLA"));
  }

  @Test
  void pagesOfThreeFollowTheRankingOfOneLongPage() {
    // Full-text matches only, names only, and both with the page crossing from one to the other.
    for (String text : List.of("wireless", "hedphones", "wireless headphones", "leather mug")) {
      List<String> paged = new ArrayList<>();
      JsonObject page = page(text, 3, null);
      paged.addAll(skus(page));
      while (page.getString("next_cursor") != null) {
        page = page(text, 3, page.getString("next_cursor"));
        paged.addAll(skus(page));
      }

      assertThat(paged).as(text).isNotEmpty().isEqualTo(skus(page(text, 100, null)));
    }
  }

  private static JsonObject page(String text, int limit, String cursor) {
    ApiResponse response =
        api.get(
            "/api/buyers/products/search?limit="
                + limit
                + "&q="
                + encode(text)
                + (cursor == null ? "" : "&cursor=" + encode(cursor)));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static String sku(String material, String thing, String edition) {
    return (material.substring(0, 3) + "-" + thing.replace(" ", "") + edition)
        .toUpperCase()
        .replace(" ", "-");
  }

  private static List<String> topFive(String text) {
    return skus(page(text, 5, null));
  }

  private static List<String> skus(JsonObject page) {
    return page.getJsonArray("products").stream()
        .map(product -> ((JsonObject) product).getString("sku"))
        .toList();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
