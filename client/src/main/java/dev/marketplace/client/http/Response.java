package dev.marketplace.client.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.marketplace.client.model.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.util.List;

/** A successful answer: status, headers and the body's bytes. */
public record Response(int status, HttpHeaders headers, byte[] body) {

  public <T> T as(Class<T> type) {
    try {
      return Json.mapper().readValue(body, type);
    } catch (IOException e) {
      throw new UncheckedIOException("The server's answer is not the JSON expected", e);
    }
  }

  public <T> T as(TypeReference<T> type) {
    try {
      return Json.mapper().readValue(body, type);
    } catch (IOException e) {
      throw new UncheckedIOException("The server's answer is not the JSON expected", e);
    }
  }

  /** The items of a list answer under {@code field}, e.g. {@code {"orders": [...]}}. */
  public <T> List<T> list(String field, Class<T> type) {
    return page(field, type).items();
  }

  /** A page of a list answer: the items under {@code field} and {@code next_cursor}. */
  public <T> Page<T> page(String field, Class<T> type) {
    try {
      JsonNode root = Json.mapper().readTree(body);
      JavaType listType = Json.mapper().getTypeFactory().constructCollectionType(List.class, type);
      List<T> items = Json.mapper().treeToValue(root.path(field), listType);
      JsonNode next = root.path("next_cursor");
      return new Page<>(items == null ? List.of() : items, next.isTextual() ? next.asText() : null);
    } catch (IOException e) {
      throw new UncheckedIOException("The server's answer is not the JSON expected", e);
    }
  }
}
