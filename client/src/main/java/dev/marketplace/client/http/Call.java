package dev.marketplace.client.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** One API call to make: method, path, query, headers, body, and whether it needs a session. */
public final class Call {

  final String method;
  final String path;
  final Map<String, String> query = new LinkedHashMap<>();
  final Map<String, String> headers = new LinkedHashMap<>();
  Object jsonBody;
  Multipart multipart;
  boolean authenticated;
  boolean retryable;

  private Call(String method, String path) {
    this.method = method;
    this.path = path;
    // Reading is always safe to repeat after a connection was lost.
    this.retryable = method.equals("GET");
  }

  public static Call get(String path) {
    return new Call("GET", path);
  }

  public static Call post(String path) {
    return new Call("POST", path);
  }

  public static Call put(String path) {
    return new Call("PUT", path);
  }

  public static Call delete(String path) {
    return new Call("DELETE", path);
  }

  /** Adds a query parameter; a null value is left out. */
  public Call query(String name, Object value) {
    if (value != null) {
      query.put(name, value.toString());
    }
    return this;
  }

  /** Adds a header; a null value is left out. */
  public Call header(String name, String value) {
    if (value != null) {
      headers.put(name, value);
    }
    return this;
  }

  /**
   * Sends an {@code Idempotency-Key} (null: none). With a key the call's effect happens once
   * however often it is sent, so it is also {@link #retryable()}.
   */
  public Call idempotencyKey(String key) {
    if (key != null) {
      headers.put("Idempotency-Key", key);
      retryable = true;
    }
    return this;
  }

  /** The body, written as JSON (null fields left out). */
  public Call json(Object body) {
    this.jsonBody = body;
    return this;
  }

  public Call multipart(Multipart body) {
    this.multipart = body;
    return this;
  }

  /** Sends the session's access token, refreshing it when it has expired. */
  public Call authenticated() {
    this.authenticated = true;
    return this;
  }

  /**
   * Marks a call that may be sent again when the connection is lost before an answer arrives: one
   * whose effect cannot happen twice (a PUT of a whole state, a POST with an {@code
   * Idempotency-Key}).
   */
  public Call retryable() {
    this.retryable = true;
    return this;
  }

  /** {@code GET /api/...}, for messages. */
  @Override
  public String toString() {
    return method + " " + path;
  }
}
