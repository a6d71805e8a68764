package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With {@code MARKETPLACE_CATALOG_CACHE_ENTRIES=0} every catalog read asks the database, as before
 * the cache existed: a change made behind the api's back is seen at once. Conditional GETs still
 * work, from fresh reads.
 */
@ServerSettings("MARKETPLACE_CATALOG_CACHE_ENTRIES=0")
class CatalogCacheOffTest extends ApiTest {

  @Test
  void everyReadAsksTheDatabase() throws Exception {
    Account seller = fixtures.seller("Uncached Shop");
    long productId = fixtures.product(seller, "Plain Lamp", "Home", "10.00", 5).getLong("id");
    String detail = "/api/buyers/products/" + productId;
    String list = "/api/buyers/products?seller_id=" + seller.id();
    assertThat(api.get(detail).json().getInteger("inventory")).isEqualTo(5);
    assertThat(api.get(list).json().getJsonArray("products")).hasSize(1);

    database.execute("UPDATE product_stock SET inventory = 2 WHERE product_id = " + productId);
    database.execute("UPDATE products SET is_active = false WHERE id = " + productId);

    assertThat(api.get(detail).status()).isEqualTo(404);
    assertThat(api.get(list).json().getJsonArray("products")).isEmpty();
    database.execute("UPDATE products SET is_active = true WHERE id = " + productId);
    assertThat(api.get(detail).json().getInteger("inventory")).isEqualTo(2);
  }

  @Test
  void conditionalGetsStillAnswer304() {
    String etag = api.get("/api/categories").headers().get("etag");

    ApiResponse again = api.get("/api/categories", Map.of("If-None-Match", etag));

    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body().length()).isZero();
  }
}
