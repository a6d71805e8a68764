package dev.marketplace.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.catalog.ProductQuery.Cursor;
import dev.marketplace.catalog.ProductQuery.Sort;
import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.ErrorCode;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The opaque cursor that continues a product listing: it comes back as it was given, belongs to one
 * sort, and anything else a client sends in its place is a 400, never a 500.
 */
class ProductQueryCursorTest {

  static Stream<Arguments> lastProductOfEachSort() {
    return Stream.of(
        Arguments.of(Sort.RELEVANCE, 1.0625),
        Arguments.of(Sort.NEWEST, null),
        Arguments.of(Sort.PRICE_ASC, new BigDecimal("19.99")),
        Arguments.of(Sort.PRICE_DESC, new BigDecimal("0.01")),
        Arguments.of(Sort.RATING, new BigDecimal("4.50")),
        Arguments.of(Sort.BEST_SELLING, 1234));
  }

  @ParameterizedTest
  @MethodSource("lastProductOfEachSort")
  void comesBackAsItWasGiven(Sort sort, Object key) {
    Cursor given = new Cursor(sort, key, 987_654_321L);

    Cursor back = Cursor.decode(given.encode(), sort);

    assertThat(back).isEqualTo(given);
  }

  @Test
  void isUrlSafe() {
    String text =
        new Cursor(Sort.PRICE_ASC, new BigDecimal("99999999.99"), Long.MAX_VALUE).encode();

    assertThat(text).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void continuesThePageAfterTheLastProduct() {
    String cursor = new Cursor(Sort.PRICE_ASC, new BigDecimal("19.99"), 42L).encode();

    ProductQuery next =
        ProductQuery.of(
            null, new JsonObject().put("sort", "price_asc").put("cursor", cursor).put("limit", 20));

    assertThat(next.sql()).contains("(p.price, p.id) > ($1::numeric, $2::bigint)");
    assertThat(next.parameters().getValue(0)).isEqualTo(new BigDecimal("19.99"));
    assertThat(next.parameters().getLong(1)).isEqualTo(42L);
    assertThat(next.parameters().getInteger(2)).isEqualTo(20);
  }

  @Test
  void belongsToOneSort() {
    String priceCursor = new Cursor(Sort.PRICE_ASC, new BigDecimal("5.00"), 7L).encode();

    assertThatThrownBy(() -> Cursor.decode(priceCursor, Sort.PRICE_DESC))
        .satisfies(ProductQueryCursorTest::isBadRequest)
        .hasMessageContaining("another sort");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not base64 at all!",
        "%00",
        "e30", // {}
        "bm90IGpzb24", // not json
      })
  void somethingElseInItsPlaceIsABadRequest(String text) {
    assertThatThrownBy(() -> Cursor.decode(text, Sort.NEWEST))
        .satisfies(ProductQueryCursorTest::isBadRequest);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"s\":\"SHUFFLE\",\"k\":null,\"i\":1}",
        "{\"s\":\"PRICE_ASC\",\"k\":\"cheap\",\"i\":1}",
        "{\"s\":\"PRICE_ASC\",\"k\":\"1.00\",\"i\":\"one\"}",
        "{\"s\":\"BEST_SELLING\",\"k\":\"99999999999\",\"i\":1}",
        "{\"s\":[],\"k\":null,\"i\":1}",
        "{\"s\":\"PRICE_ASC\",\"k\":\"1.00\"}",
      })
  void aForgedCursorIsABadRequest(String json) {
    String text =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(json.getBytes(StandardCharsets.UTF_8));
    Sort sort = json.contains("BEST_SELLING") ? Sort.BEST_SELLING : Sort.PRICE_ASC;

    assertThatThrownBy(() -> Cursor.decode(text, sort))
        .satisfies(ProductQueryCursorTest::isBadRequest);
  }

  private static void isBadRequest(Throwable thrown) {
    assertThat(thrown).isInstanceOf(DomainException.class).hasMessageContaining("cursor");
    assertThat(((DomainException) thrown).code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
  }
}
