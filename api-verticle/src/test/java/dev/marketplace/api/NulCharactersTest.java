package dev.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** A NUL is reported at the field's path as the validator's violations name fields. */
class NulCharactersTest {

  @Test
  void namesTheFieldAtAnyDepthAsTheValidatorDoes() {
    assertThat(NulCharacters.fieldWithNul(new JsonObject().put("name", "a\0b"))).isEqualTo("name");
    assertThat(
            NulCharacters.fieldWithNul(
                new JsonObject()
                    .put(
                        "lines",
                        new JsonArray()
                            .add(new JsonObject().put("category", "Home"))
                            .add(new JsonObject().put("category", "Ho\0me")))))
        .isEqualTo("lines[1].category");
    assertThat(
            NulCharacters.fieldWithNul(
                new JsonObject().put("shipping", new JsonObject().put("city", "\0"))))
        .isEqualTo("shipping.city");
    assertThat(
            NulCharacters.fieldWithNul(
                new JsonObject()
                    .put("tags", new JsonArray().add("ok").add(new JsonArray().add("\0")))))
        .isEqualTo("tags[1][0]");
    assertThat(NulCharacters.fieldWithNul(new JsonObject().put("name", "fine"))).isNull();
  }
}
