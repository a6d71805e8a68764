package dev.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A 201's Location is filled in from the answer's fields, wherever in the answer they are. */
class CreatedLocationTest {

  @Test
  void fillsFieldsFromTheTopOfTheAnswerInAnyOrder() {
    CreatedLocation order = new CreatedLocation("/api/buyers/{buyer_id}/orders/{id}");

    assertThat(order.resolve("{\"id\":42,\"status\":\"pending\",\"buyer_id\":7}"))
        .isEqualTo("/api/buyers/7/orders/42");
    assertThat(
            order.resolve("{\"lines\":[{\"id\":1}],\"buyer_id\":7,\"note\":{\"id\":2},\"id\":9}"))
        .as("only the top-level id counts, not one inside an array or object")
        .isEqualTo("/api/buyers/7/orders/9");
  }

  @Test
  void followsDottedPathsIntoObjectsAndArrays() {
    assertThat(
            new CreatedLocation("/api/sellers/products/{product.id}")
                .resolve("{\"outcome\":\"created\",\"product\":{\"name\":\"Lamp\",\"id\":5}}"))
        .isEqualTo("/api/sellers/products/5");
    assertThat(
            new CreatedLocation("/api/buyers/{orders.0.buyer_id}/orders")
                .resolve("{\"orders\":[{\"buyer_id\":3,\"id\":10},{\"buyer_id\":4,\"id\":11}]}"))
        .isEqualTo("/api/buyers/3/orders");
    assertThat(
            new CreatedLocation("/x/{orders.1.id}")
                .resolve("{\"orders\":[{\"id\":10,\"lines\":[1,2]},{\"id\":11}]}"))
        .isEqualTo("/x/11");
  }

  @Test
  void aMissingNullOrCompoundFieldGivesNoLocation() {
    CreatedLocation location = new CreatedLocation("/api/images/{id}");

    assertThat(location.resolve("{\"name\":\"x\"}")).isNull();
    assertThat(location.resolve("{\"id\":null}")).isNull();
    assertThat(location.resolve("{\"id\":{\"value\":1}}")).isNull();
    assertThat(location.resolve("{\"id\":[1]}")).isNull();
  }

  @Test
  void encodesWhatItFillsInAsOnePathSegment() {
    assertThat(new CreatedLocation("/api/things/{name}").resolve("{\"name\":\"a b/c\"}"))
        .isEqualTo("/api/things/a%20b%2Fc");
    assertThat(new CreatedLocation("/api/static").resolve("{\"id\":1}")).isEqualTo("/api/static");
  }
}
