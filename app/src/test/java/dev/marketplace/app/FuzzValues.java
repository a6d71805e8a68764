package dev.marketplace.app;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The malformed and boundary values the contract fuzz test tries in every place: for parameters as
 * they appear in a URL (already percent-encoded, some deliberately badly), and for JSON body fields
 * as values of every type. A fixed list, so that every run sends the same requests.
 */
final class FuzzValues {

  private FuzzValues() {}

  /** Query, path and header values, as they go into a request line. */
  static List<String> parameterValues() {
    List<String> values =
        new ArrayList<>(
            List.of(
                "",
                "%00",
                "a%00b",
                "-1",
                "0",
                "1",
                "1e400",
                "-1e400",
                "1E-2147483647",
                "99999999999999999999999999",
                "9223372036854775808",
                "NaN",
                "Infinity",
                "0.001",
                "1.5",
                "true",
                "null",
                "%5B%5D",
                "%7B%7D",
                "%F0%9F%92%A5",
                "%C3%28",
                "%FF%FE",
                "%27%20OR%201%3D1--",
                "%3Cscript%3E",
                "..%2F..%2Fetc%2Fpasswd",
                "a,b,,%2C",
                "+++",
                "x".repeat(3000)));
    return values;
  }

  /** Cursors a client could forge: every sort, keys out of range, ids out of range, junk. */
  static List<String> cursors() {
    List<String> cursors = new ArrayList<>();
    for (String sort :
        List.of("NEWEST", "PRICE_ASC", "PRICE_DESC", "RATING", "BEST_SELLING", "RELEVANCE")) {
      for (Object key :
          new Object[] {null, "1E-2147483647", "1E+2147483647", "NaN", "-1", "1.005", 7}) {
        for (Object id : new Object[] {1, -1, Long.MAX_VALUE, "1"}) {
          cursors.add(encode(new JsonObject().put("s", sort).put("k", key).put("i", id).encode()));
        }
      }
    }
    for (String text :
        List.of(
            "before:-1",
            "before:abc",
            "before:99999999999999999999",
            "{}",
            "[]",
            "{\"s\":null}",
            "not json")) {
      cursors.add(encode(text));
    }
    cursors.add("!!!not-base64!!!");
    cursors.add("%00");
    return cursors;
  }

  /** Values for JSON body fields: every type, the edges of each, and text the database hates. */
  static List<Object> bodyValues() {
    return List.of(
        "",
        " ",
        "\u0000",
        "a\u0000b",
        "x".repeat(300),
        "x".repeat(20_000),
        "\uD83D\uDCA5",
        "\uD800",
        "' OR 1=1 --",
        "1e400",
        -1,
        0,
        1,
        Integer.MAX_VALUE,
        Long.MAX_VALUE,
        new BigDecimal("1e400"),
        new BigDecimal("-1e400"),
        new BigDecimal("1E-2147483647"),
        new BigDecimal("1.005"),
        new BigDecimal("99999999999.99"),
        -0.0,
        true,
        new JsonArray(),
        new JsonArray().add("x"),
        new JsonObject(),
        new JsonObject().put("nested", "\u0000"));
  }

  /** Whole bodies that are not what any operation expects. */
  static List<String> wholeBodies() {
    return List.of(
        "",
        "{",
        "[]",
        "null",
        "1e400",
        "\"text\"",
        "{\"a\":1,\"a\":2}",
        "{\"\u0000\":1}",
        "[".repeat(5000) + "]".repeat(5000),
        "{\"x\":" + "9".repeat(5000) + "}");
  }

  private static String encode(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
