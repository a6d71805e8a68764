package dev.marketplace.api.readcache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.readcache.CatalogReadCache.Ticket;
import dev.marketplace.common.bus.Invalidations.Invalidation;
import dev.marketplace.common.config.CatalogCacheSettings;
import dev.marketplace.common.testing.TestClock;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CatalogReadCacheTest {

  private static final String DETAIL_7 = "/api/buyers/products/7";
  private static final String REVIEWS_7 = "/api/buyers/products/7/reviews?limit=5";
  private static final String DETAIL_8 = "/api/buyers/products/8";
  private static final String BROWSE = "/api/buyers/products?sort=price_asc";

  private final TestClock clock = new TestClock();
  private final CatalogReadCache cache = cache(100, 1024 * 1024);

  @Test
  void aProductsAnswersGoWhenThatProductChangesAndNoOtherDoes() {
    keep(DETAIL_7, 7L);
    keep(REVIEWS_7, 7L);
    keep(DETAIL_8, 8L);

    cache.invalidate(changed(7));

    assertThat(cache.get(DETAIL_7)).isNull();
    assertThat(cache.get(REVIEWS_7)).isNull();
    assertThat(cache.get(DETAIL_8)).isNotNull();
  }

  @Test
  void everyListGoesWhenAnyProductChanges() {
    keep(BROWSE, null);
    keep("/api/categories", null);
    assertThat(cache.get(BROWSE)).isNotNull();

    cache.invalidate(changed(12345));

    assertThat(cache.get(BROWSE)).isNull();
    assertThat(cache.get("/api/categories")).isNull();
  }

  @Test
  void onlyTheExactRequestTargetMatches() {
    keep(BROWSE, null);

    assertThat(cache.get("/api/buyers/products?sort=price_desc")).isNull();
    assertThat(cache.get("/api/buyers/products")).isNull();
    assertThat(cache.get(BROWSE).body().toString()).isEqualTo("answer to " + BROWSE);
  }

  @Test
  void anAnswerReadOnAReplicaOlderThanAChangeHeardBeforeItsReadIsNotKept() {
    // Product 7 changed at position 500, heard before the read began: the ticket asks for 500.
    Ticket begun = cache.ticket(500);

    cache.put(DETAIL_7, answer(DETAIL_7), 7L, begun, 499L);
    assertThat(cache.get(DETAIL_7)).as("read on a replica at 499: sent, not kept").isNull();

    cache.put(DETAIL_7, answer(DETAIL_7), 7L, begun, 500L);
    assertThat(cache.get(DETAIL_7)).as("read on a replica that has the change").isNotNull();

    cache.put(BROWSE, answer(BROWSE), null, cache.ticket(500), null);
    assertThat(cache.get(BROWSE)).as("read on the primary").isNotNull();
  }

  @Test
  void anAnswerReadWhileItsProductChangedIsNotKept() {
    Ticket before = cache.ticket();
    cache.invalidate(changed(7));
    cache.put(DETAIL_7, answer(DETAIL_7), 7L, before);

    assertThat(cache.get(DETAIL_7)).as("it may predate the change").isNull();

    cache.put(DETAIL_7, answer(DETAIL_7), 7L, cache.ticket());
    assertThat(cache.get(DETAIL_7)).as("read after the change was heard").isNotNull();
  }

  @Test
  void anAnswerReadWhileAnotherProductChangedIsKept() {
    Ticket before = cache.ticket();
    cache.invalidate(changed(8));
    cache.put(DETAIL_7, answer(DETAIL_7), 7L, before);

    assertThat(cache.get(DETAIL_7)).isNotNull();
  }

  @Test
  void aListReadWhileAnyProductChangedIsNotKept() {
    Ticket before = cache.ticket();
    cache.invalidate(changed(8));
    cache.put(BROWSE, answer(BROWSE), null, before);

    assertThat(cache.get(BROWSE)).isNull();
  }

  @Test
  void aReadOlderThanEveryRememberedChangeIsNotKept() {
    Ticket before = cache.ticket();
    for (long product = 1000; product <= 1000 + CatalogReadCache.REMEMBERED_CHANGES; product++) {
      cache.invalidate(changed(product));
    }
    cache.put(DETAIL_7, answer(DETAIL_7), 7L, before);

    assertThat(cache.get(DETAIL_7))
        .as("product 7 may have changed among the forgotten ones")
        .isNull();
  }

  @Test
  void everythingGoesWhenTheChannelSaysSoAndReadsUnderWayAreNotKept() {
    keep(DETAIL_7, 7L);
    keep(BROWSE, null);
    Ticket before = cache.ticket();

    cache.invalidate(new Invalidation("everything", true, List.of()));
    cache.put(DETAIL_8, answer(DETAIL_8), 8L, before);

    assertThat(cache.size()).isZero();
    assertThat(cache.bytes()).isZero();
  }

  @Test
  void everyCopyOfOneInvalidationAfterTheFirstChangesNothing() {
    Invalidation change = changed(8);
    cache.invalidate(change);
    Ticket afterTheFirstCopy = cache.ticket();

    cache.invalidate(change);
    cache.put(BROWSE, answer(BROWSE), null, afterTheFirstCopy);
    cache.put(DETAIL_8, answer(DETAIL_8), 8L, afterTheFirstCopy);

    assertThat(cache.get(BROWSE)).isNotNull();
    assertThat(cache.get(DETAIL_8)).isNotNull();
  }

  @Test
  void anAnswerExpiresItsLifetimeAfterItsReadBegan() {
    Ticket begun = cache.ticket();
    clock.advance(Duration.ofSeconds(4));
    cache.put(DETAIL_7, answer(DETAIL_7), 7L, begun);

    clock.advance(Duration.ofMillis(5999));
    assertThat(cache.get(DETAIL_7)).isNotNull();
    clock.advance(Duration.ofMillis(1));
    assertThat(cache.get(DETAIL_7)).isNull();
    assertThat(cache.size()).isZero();
  }

  @Test
  void theLeastRecentlyUsedAnswerMakesRoomWhenFull() {
    CatalogReadCache small = cache(2, 1024 * 1024);
    small.put(DETAIL_7, answer(DETAIL_7), 7L, small.ticket());
    small.put(DETAIL_8, answer(DETAIL_8), 8L, small.ticket());
    small.get(DETAIL_7);

    small.put(BROWSE, answer(BROWSE), null, small.ticket());

    assertThat(small.size()).isEqualTo(2);
    assertThat(small.get(DETAIL_8)).isNull();
    assertThat(small.get(DETAIL_7)).isNotNull();
    assertThat(small.get(BROWSE)).isNotNull();
  }

  @Test
  void theBytesKeptStayWithinTheBudget() {
    long budget = 64 * 1024;
    CatalogReadCache small = cache(1000, budget);
    for (long product = 1; product <= 100; product++) {
      String key = "/api/buyers/products/" + product;
      small.put(key, answer(key, 2000), product, small.ticket());
      assertThat(small.bytes()).isLessThanOrEqualTo(budget);
    }

    assertThat(small.size()).isBetween(20, 30);
    assertThat(small.get("/api/buyers/products/100")).isNotNull();
    assertThat(small.get("/api/buyers/products/1")).isNull();
  }

  @Test
  void anAnswerTooLargeForItsShareOfTheBudgetIsNotKept() {
    CatalogReadCache small = cache(1000, 64 * 1024);
    small.put(DETAIL_7, answer(DETAIL_7, 8 * 1024), 7L, small.ticket());

    assertThat(small.get(DETAIL_7)).isNull();
  }

  @Test
  void aProductsAnswerKeptAgainReplacesTheOldOne() {
    keep(DETAIL_7, 7L);
    long bytes = cache.bytes();
    keep(DETAIL_7, 7L);

    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.bytes()).isEqualTo(bytes);
    cache.invalidate(changed(7));
    assertThat(cache.size()).isZero();
  }

  private CatalogReadCache cache(int entries, long maxBytes) {
    return new CatalogReadCache(
        new CatalogCacheSettings(entries, maxBytes, Duration.ofSeconds(10)), clock);
  }

  private void keep(String key, Long productId) {
    cache.put(key, answer(key), productId, cache.ticket());
  }

  private static CachedAnswer answer(String key) {
    return new CachedAnswer(Buffer.buffer("answer to " + key), "\"tag\"", "/route");
  }

  private static CachedAnswer answer(String key, int size) {
    return new CachedAnswer(Buffer.buffer(new byte[size]), "\"" + key + "\"", "/route");
  }

  private static Invalidation changed(long productId) {
    return new Invalidation(UUID.randomUUID().toString(), false, List.of(Long.toString(productId)));
  }
}
