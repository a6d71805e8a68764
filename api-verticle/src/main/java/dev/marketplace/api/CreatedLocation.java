package dev.marketplace.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.pointer.JsonPointer;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Location} of what a request created, from the template its 201 response declares in
 * {@value #EXTENSION} (e.g. {@code /api/buyers/{buyer_id}/orders/{id}}): each {@code {name}} is the
 * answer's field of that name, or a dotted path into it ({@code {product.id}}).
 */
final class CreatedLocation {

  static final String EXTENSION = "x-location";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.]+)}");

  private final String template;

  private CreatedLocation(String template) {
    this.template = template;
  }

  /** The location of {@code operation}'s 201, or null when it declares none. */
  static CreatedLocation of(Operation operation) {
    Response created = operation.getResponse(201);
    Object template = created == null ? null : created.getExtensions().get(EXTENSION);
    return template == null ? null : new CreatedLocation(template.toString());
  }

  /** The location for an answer whose body is {@code body}; null if a field is missing. */
  String resolve(String body) {
    JsonObject answer = new JsonObject(body);
    Matcher placeholder = PLACEHOLDER.matcher(template);
    StringBuilder location = new StringBuilder();
    while (placeholder.find()) {
      Object value = at(answer, placeholder.group(1));
      if (value == null) {
        return null;
      }
      placeholder.appendReplacement(
          location,
          Matcher.quoteReplacement(
              URLEncoder.encode(value.toString(), StandardCharsets.UTF_8).replace("+", "%20")));
    }
    placeholder.appendTail(location);
    return location.toString();
  }

  private static Object at(JsonObject answer, String path) {
    Object value = JsonPointer.from("/" + path.replace('.', '/')).queryJson(answer);
    return value instanceof JsonObject || value instanceof JsonArray ? null : value;
  }
}
