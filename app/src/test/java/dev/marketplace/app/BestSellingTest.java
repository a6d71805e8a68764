package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The best-selling sort follows what orders sell and cancellations give back, page after page, and
 * the in-stock filter drops what orders sold out.
 */
class BestSellingTest extends ApiTest {

  @Test
  void bestSellingFollowsOrdersAndCancellationsAcrossPages() {
    Account seller = fixtures.seller("Charts Shop");
    Account buyer = fixtures.buyer("Charts Buyer");
    String category = "Charts";
    long kettle = fixtures.product(seller, "Kettle", category, "25.00", 10).getLong("id");
    long toaster = fixtures.product(seller, "Toaster", category, "30.00", 10).getLong("id");
    long mixer = fixtures.product(seller, "Mixer", category, "60.00", 10).getLong("id");
    long grater = fixtures.product(seller, "Grater", category, "5.00", 10).getLong("id");
    long scale = fixtures.product(seller, "Scale", category, "15.00", 1).getLong("id");
    long bigOrder = fixtures.order(buyer, kettle, 3).getLong("id");
    fixtures.order(buyer, kettle, 2);
    fixtures.order(buyer, toaster, 3);
    fixtures.order(buyer, mixer, 3);
    fixtures.order(buyer, scale, 1);

    // Sold: kettle 5, toaster 3, mixer 3 (ties: the newer first), scale 1 (sold out), grater 0.
    assertThat(browse(category, "")).containsExactly(kettle, mixer, toaster, scale, grater);
    assertThat(browse(category, "&in_stock=true")).containsExactly(kettle, mixer, toaster, grater);

    ApiResponse cancelled =
        buyer.api().post("/api/buyers/orders/" + bigOrder + "/cancel", new JsonObject());
    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

    assertThat(browse(category, "")).containsExactly(mixer, toaster, kettle, scale, grater);
  }

  /** Every product of the best-selling browse, two to a page, following each next cursor. */
  private static List<Long> browse(String category, String filters) {
    List<Long> ids = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      ApiResponse page =
          api.get(
              "/api/buyers/products?sort=best_selling&limit=2&category="
                  + category
                  + filters
                  + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      JsonArray products = page.json().getJsonArray("products");
      for (int i = 0; i < products.size(); i++) {
        ids.add(products.getJsonObject(i).getLong("id"));
      }
      cursor = page.json().getString("next_cursor");
      pages++;
    } while (cursor != null);
    assertThat(pages).as("pages").isGreaterThan(1);
    return ids;
  }
}
