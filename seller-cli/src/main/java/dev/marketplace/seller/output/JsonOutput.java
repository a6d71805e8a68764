package dev.marketplace.seller.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.marketplace.client.http.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Writes records back as the API's JSON: the same snake_case fields, nulls included (only the
 * detail-only fields a list does not carry are left out), amounts as exact decimals.
 */
public final class JsonOutput {

  private static final ObjectMapper MAPPER =
      Json.mapper()
          .copy()
          .setSerializationInclusion(JsonInclude.Include.ALWAYS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private JsonOutput() {}

  public static void print(PrintWriter out, Object value) {
    out.println(text(value));
    out.flush();
  }

  /** One line, for streams of JSON values (one per line). */
  public static void printLine(PrintWriter out, Object value) {
    try {
      out.println(
          Json.mapper()
              .copy()
              .setSerializationInclusion(JsonInclude.Include.ALWAYS)
              .writeValueAsString(value));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
