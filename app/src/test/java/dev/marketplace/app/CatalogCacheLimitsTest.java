package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The api edge's cache keeps at most {@code MARKETPLACE_CATALOG_CACHE_ENTRIES} answers, the least
 * recently used going first, and none longer than {@code MARKETPLACE_CATALOG_CACHE_SECONDS}: what
 * bounds staleness where an invalidation never arrives. Changes made behind the api's back (which
 * no invalidation reports) tell a kept answer from a fresh one.
 */
@ServerSettings({"MARKETPLACE_CATALOG_CACHE_ENTRIES=2", "MARKETPLACE_CATALOG_CACHE_SECONDS=10"})
class CatalogCacheLimitsTest extends ApiTest {

  @Test
  void theLeastRecentlyUsedAnswerMakesRoomForANewOne() throws Exception {
    Account seller = fixtures.seller("Small Cache Shop");
    long first = product(seller, "First");
    long second = product(seller, "Second");
    long third = product(seller, "Third");
    assertThat(description(first)).isEqualTo("First for tests");
    assertThat(description(second)).isEqualTo("Second for tests");
    assertThat(description(first)).as("used last").isEqualTo("First for tests");

    assertThat(description(third)).isEqualTo("Third for tests");
    describeBehindTheApisBack(first, "first changed");
    describeBehindTheApisBack(second, "second changed");
    describeBehindTheApisBack(third, "third changed");

    assertThat(description(first)).as("still kept").isEqualTo("First for tests");
    assertThat(description(third)).as("still kept").isEqualTo("Third for tests");
    assertThat(description(second)).as("made room").isEqualTo("second changed");
  }

  @Test
  void anAnswerIsKeptNoLongerThanItsLifetimeEvenIfNoInvalidationArrives() throws Exception {
    Account seller = fixtures.seller("Short Cache Shop");
    long productId = product(seller, "Fleeting");
    assertThat(description(productId)).isEqualTo("Fleeting for tests");
    describeBehindTheApisBack(productId, "changed unannounced");

    clock.advance(Duration.ofSeconds(9));
    assertThat(description(productId)).isEqualTo("Fleeting for tests");
    clock.advance(Duration.ofSeconds(1));
    assertThat(description(productId)).isEqualTo("changed unannounced");
  }

  private static long product(Account seller, String name) {
    return fixtures.product(seller, name, "Home", "10.00", 5).getLong("id");
  }

  private static String description(long productId) {
    return api.get("/api/buyers/products/" + productId).json().getString("description");
  }

  private static void describeBehindTheApisBack(long productId, String description)
      throws Exception {
    database.execute(
        "UPDATE products SET description = '" + description + "' WHERE id = " + productId);
  }
}
