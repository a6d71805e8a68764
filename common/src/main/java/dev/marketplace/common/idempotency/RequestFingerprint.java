package dev.marketplace.common.idempotency;

import dev.marketplace.common.security.Sha256;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What tells two requests under one {@code Idempotency-Key} apart: a digest of the request's path
 * and query parameters and its body, with object fields in name order, so that a client that
 * re-encodes the same request with its fields in another order is not refused.
 *
 * <p>A request that carries a secret (registration's password) is fingerprinted with a key the
 * database does not hold ({@link #keyed}): a plain digest kept for a day would let whoever reads
 * the table try passwords against it far faster than against their Argon2id hashes.
 */
public final class RequestFingerprint {

  private final byte[] hmacKey;

  private RequestFingerprint(byte[] hmacKey) {
    this.hmacKey = hmacKey;
  }

  /** A SHA-256 digest, for requests that carry no secret. */
  public static RequestFingerprint plain() {
    return new RequestFingerprint(null);
  }

  /** An HMAC-SHA256 under a key derived from {@code secret}, which must not be in the database. */
  public static RequestFingerprint keyed(String secret) {
    return new RequestFingerprint(Sha256.of("marketplace idempotency fingerprint\n" + secret));
  }

  /** The fingerprint of a request's {@code path}, {@code query} and {@code body}. */
  public byte[] of(JsonObject path, JsonObject query, JsonObject body) {
    StringBuilder text = new StringBuilder();
    canonical(new JsonObject().put("path", path).put("query", query).put("body", body), text);
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    if (hmacKey == null) {
      return Sha256.of(bytes);
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
      return mac.doFinal(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
    }
  }

  private static void canonical(Object value, StringBuilder text) {
    if (value instanceof JsonObject object) {
      Map<String, Object> sorted = new TreeMap<>(object.getMap());
      text.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> field : sorted.entrySet()) {
        if (!first) {
          text.append(',');
        }
        first = false;
        text.append(Json.encode(field.getKey())).append(':');
        canonical(wrap(field.getValue()), text);
      }
      text.append('}');
    } else if (value instanceof JsonArray array) {
      text.append('[');
      for (int i = 0; i < array.size(); i++) {
        if (i > 0) {
          text.append(',');
        }
        canonical(array.getValue(i), text);
      }
      text.append(']');
    } else {
      text.append(Json.encode(value));
    }
  }

  /** Values of a map taken from a JSON object are maps and lists; the walk wants JSON types. */
  @SuppressWarnings("unchecked")
  private static Object wrap(Object value) {
    if (value instanceof Map<?, ?> map) {
      return new JsonObject((Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      return new JsonArray(list);
    }
    return value;
  }
}
