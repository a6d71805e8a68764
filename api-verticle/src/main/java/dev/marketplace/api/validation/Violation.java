package dev.marketplace.api.validation;

import io.vertx.core.json.JsonObject;

/**
 * One way a request breaks its contract, as plain facts that any validator can report: which field
 * (a body field's path such as {@code items[0].quantity}, {@value #BODY} for the body as a whole,
 * or a parameter's name), which rule (a JSON Schema keyword such as {@code minLength}, or one of
 * {@link Rules}), and the schema object the rule sits in, whose values (the limit, the allowed
 * values, the pattern's description) the wording quotes. {@link ViolationWording} turns it into a
 * sentence; nothing here depends on how the validator words its own errors.
 */
public record Violation(String field, String rule, JsonObject schema) {

  /** The field name of the request body as a whole. */
  public static final String BODY = "body";

  /** The field name of the query string as a whole. */
  public static final String QUERY = "query";

  public Violation {
    schema = schema == null ? new JsonObject() : schema;
  }

  /** A violation of one of our own rules, which needs no schema. */
  public static Violation of(String field, String rule) {
    return new Violation(field, rule, null);
  }

  /** Rules that are not JSON Schema keywords. */
  public static final class Rules {

    /** The body is not JSON at all. */
    public static final String JSON = "json";

    /** Text holds the NUL character, which PostgreSQL cannot store. */
    public static final String NO_NUL = "noNul";

    /** The query string cannot be URL-decoded: a {@code %} without two hex digits after it. */
    public static final String URL_ENCODING = "urlEncoding";

    /** A multipart form without a file in the field an operation reads its file from. */
    public static final String FORM_FILE = "formFile";

    /** A multipart body that cannot be read: no boundary in its Content-Type, or cut short. */
    public static final String MULTIPART = "multipart";

    private Rules() {}
  }
}
