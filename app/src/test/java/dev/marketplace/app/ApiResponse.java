package dev.marketplace.app;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** What the server answered: status, headers and body. */
record ApiResponse(int status, MultiMap headers, Buffer body) {

  JsonObject json() {
    return body.toJsonObject();
  }

  String errorCode() {
    return json().getString("error");
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
