package dev.marketplace.api.readcache;

import dev.marketplace.common.security.Sha256;
import io.vertx.core.buffer.Buffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * Strong entity tags of response bodies, and the {@code If-None-Match} check of a conditional GET
 * (RFC 9110, sections 8.8.3 and 13.1.2).
 */
final class EntityTag {

  /** 128 bits of the body's SHA-256: two bodies that differ never share a tag in practice. */
  private static final int TAG_BYTES = 16;

  private EntityTag() {}

  /** The strong tag of these bytes, quoted as the header carries it. */
  static String of(Buffer body) {
    byte[] digest = Arrays.copyOf(Sha256.of(body.getBytes()), TAG_BYTES);
    return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + '"';
  }

  /**
   * Whether a GET carrying {@code ifNoneMatch} (null when absent) already holds the representation
   * tagged {@code etag}: {@code *}, or a listed tag equal to it by the weak comparison the RFC asks
   * for here ({@code W/} ignored).
   */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals("*") || tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
