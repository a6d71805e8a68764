package dev.marketplace.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.common.error.DomainException;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void readsDecodedJsonAmountsExactly() {
    JsonObject decoded =
        new JsonObject("{\"a\": 19.99, \"b\": 0.1, \"c\": 9999999999.99, \"d\": 5, \"e\": 7.5}");

    assertThat(Money.fromJson(decoded.getValue("a"), "a")).isEqualTo(new BigDecimal("19.99"));
    assertThat(Money.fromJson(decoded.getValue("b"), "b")).isEqualTo(new BigDecimal("0.10"));
    assertThat(Money.fromJson(decoded.getValue("c"), "c"))
        .isEqualTo(new BigDecimal("9999999999.99"));
    assertThat(Money.fromJson(decoded.getValue("d"), "d")).isEqualTo(new BigDecimal("5.00"));
    assertThat(Money.fromJson(decoded.getValue("e"), "e")).isEqualTo(new BigDecimal("7.50"));
  }

  @Test
  void refusesMoreThanTwoDecimals() {
    assertThatThrownBy(() -> Money.fromJson(1.005, "price"))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("price");
  }

  @Test
  void refusesAnAmountTooLargeForADouble() {
    Object huge = new JsonObject("{\"price\": 1E+400}").getValue("price");
    assertThatThrownBy(() -> Money.fromJson(huge, "price"))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("price must be a number like 12.50");
  }

  @Test
  void leavesAMissingAmountMissing() {
    assertThat(Money.fromJson(null, "price")).isNull();
  }
}
