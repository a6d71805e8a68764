package dev.marketplace.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.json.jackson.JacksonCodec;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Location} of what a request created, from the template its 201 response declares in
 * {@value #EXTENSION} (e.g. {@code /api/buyers/{buyer_id}/orders/{id}}): each {@code {name}} is the
 * answer's field of that name, or a dotted path into it ({@code {product.id}}, {@code
 * {orders.0.buyer_id}}).
 *
 * <p>The template is read once; each answer is only scanned up to the fields the template names,
 * never decoded whole. Decoding every order's answer and reading the template again for it was an
 * eighth of the event loops' time per order (JFR, bench's order scenario).
 */
final class CreatedLocation {

  static final String EXTENSION = "x-location";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.]+)}");

  // The template's text around its placeholders: one more than there are paths.
  private final List<String> literals = new ArrayList<>();
  private final List<List<String>> paths = new ArrayList<>();

  CreatedLocation(String template) {
    Matcher placeholder = PLACEHOLDER.matcher(template);
    int end = 0;
    while (placeholder.find()) {
      literals.add(template.substring(end, placeholder.start()));
      paths.add(List.of(placeholder.group(1).split("\\.")));
      end = placeholder.end();
    }
    literals.add(template.substring(end));
  }

  /** The location of {@code operation}'s 201, or null when it declares none. */
  static CreatedLocation of(Operation operation) {
    Response created = operation.getResponse(201);
    Object template = created == null ? null : created.getExtensions().get(EXTENSION);
    return template == null ? null : new CreatedLocation(template.toString());
  }

  /**
   * The location for an answer whose body is {@code body}; null if a field is missing, null, or not
   * a single value.
   */
  String resolve(String body) {
    String[] values = new String[paths.size()];
    try (JsonParser parser = JacksonCodec.createParser(body)) {
      parser.nextToken();
      new Scan(parser, values).value(new ArrayList<>());
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
    StringBuilder location = new StringBuilder(literals.get(0));
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        return null;
      }
      location
          .append(URLEncoder.encode(values[i], StandardCharsets.UTF_8).replace("+", "%20"))
          .append(literals.get(i + 1));
    }
    return location.toString();
  }

  /** One pass over an answer, descending only where a path of the template leads. */
  private final class Scan {

    private final JsonParser parser;
    private final String[] values;
    private int found;

    Scan(JsonParser parser, String[] values) {
      this.parser = parser;
      this.values = values;
    }

    /** Reads the value the parser is on, found at {@code at}. */
    void value(List<String> at) throws IOException {
      JsonToken token = parser.currentToken();
      if (token == JsonToken.START_OBJECT) {
        while (found < values.length && parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          member(at, name);
        }
      } else if (token == JsonToken.START_ARRAY) {
        for (int index = 0; found < values.length && parser.nextToken() != JsonToken.END_ARRAY; ) {
          member(at, Integer.toString(index++));
        }
      } else if (token != null && token.isScalarValue() && token != JsonToken.VALUE_NULL) {
        int path = paths.indexOf(at);
        if (path >= 0 && values[path] == null) {
          values[path] = parser.getText();
          found++;
        }
      }
    }

    private void member(List<String> at, String name) throws IOException {
      at.add(name);
      if (leadsSomewhere(at)) {
        value(at);
      } else {
        parser.skipChildren();
      }
      at.remove(at.size() - 1);
    }

    private boolean leadsSomewhere(List<String> at) {
      for (List<String> path : paths) {
        if (path.size() >= at.size() && path.subList(0, at.size()).equals(at)) {
          return true;
        }
      }
      return false;
    }
  }
}
