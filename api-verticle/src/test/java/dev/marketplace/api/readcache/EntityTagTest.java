package dev.marketplace.api.readcache;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class EntityTagTest {

  @Test
  void theSameBytesHaveTheSameStrongTagAndOthersAnother() {
    String tag = EntityTag.of(Buffer.buffer("{\"price\":19.99}"));

    assertThat(tag).matches("\"[A-Za-z0-9_-]{22}\"");
    assertThat(EntityTag.of(Buffer.buffer("{\"price\":19.99}"))).isEqualTo(tag);
    assertThat(EntityTag.of(Buffer.buffer("{\"price\":17.50}"))).isNotEqualTo(tag);
  }

  @Test
  void ifNoneMatchMatchesItsTagInAnyFormTheRfcAllows() {
    String tag = "\"abc\"";

    assertThat(EntityTag.matches("\"abc\"", tag)).isTrue();
    assertThat(EntityTag.matches("W/\"abc\"", tag)).as("weak comparison").isTrue();
    assertThat(EntityTag.matches("\"x\", \"abc\"", tag)).as("one of a list").isTrue();
    assertThat(EntityTag.matches("*", tag)).isTrue();
  }

  @Test
  void ifNoneMatchWithAnotherTagOrNoneDoesNotMatch() {
    String tag = "\"abc\"";

    assertThat(EntityTag.matches(null, tag)).isFalse();
    assertThat(EntityTag.matches("\"abd\"", tag)).isFalse();
    assertThat(EntityTag.matches("abc", tag)).as("unquoted").isFalse();
    assertThat(EntityTag.matches("", tag)).isFalse();
  }
}
