package dev.marketplace.client.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request and what came of it: the response ({@code status} and the rest), or the {@code
 * failure} that kept one from arriving ({@code status} 0). Bodies are text when they are text,
 * otherwise a note of their size. Nothing here is masked: use {@link Redaction} before showing it.
 *
 * @param requestBody null when there was none
 * @param responseBody null when there was none
 */
public record Exchange(
    String method,
    URI uri,
    Map<String, List<String>> requestHeaders,
    String requestBody,
    int status,
    Map<String, List<String>> responseHeaders,
    String responseBody,
    Duration duration,
    Throwable failure) {

  /** The first value of a response header, case-insensitively; null if absent. */
  public String responseHeader(String name) {
    if (responseHeaders == null) {
      return null;
    }
    for (Map.Entry<String, List<String>> header : responseHeaders.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
        return header.getValue().get(0);
      }
    }
    return null;
  }
}
