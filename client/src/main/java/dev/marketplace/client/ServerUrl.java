package dev.marketplace.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * Which server a terminal client talks to: {@code --server URL}, else {@code MARKETPLACE_URL}, else
 * {@code http://localhost:8080}; always in one normal form (lower-case scheme and host, explicit
 * port, no trailing slash), which is also the key of its sessions in the credentials file.
 */
public final class ServerUrl {

  public static final String ENVIRONMENT_VARIABLE = "MARKETPLACE_URL";
  public static final String DEFAULT = "http://localhost:8080";

  private ServerUrl() {}

  /** The server to use, from a command-line value (may be null) and the environment. */
  public static URI resolve(String option, Map<String, String> environment) {
    String chosen = option;
    if (chosen == null || chosen.isBlank()) {
      chosen = environment.get(ENVIRONMENT_VARIABLE);
    }
    if (chosen == null || chosen.isBlank()) {
      chosen = DEFAULT;
    }
    return normalize(chosen);
  }

  /**
   * {@code localhost:8080}, {@code HTTP://LocalHost:8080/} and {@code http://localhost:8080} all
   * become {@code http://localhost:8080}.
   *
   * @throws IllegalArgumentException when the text is not an http(s) URL
   */
  public static URI normalize(String text) {
    String value = text.strip();
    if (!value.contains("://")) {
      value = "http://" + value;
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Not a server URL: " + text);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("Not an http or https URL: " + text);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("No host in the server URL: " + text);
    }
    if (uri.getQuery() != null || uri.getFragment() != null) {
      throw new IllegalArgumentException("A server URL has no query or fragment: " + text);
    }
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    return URI.create(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port + path);
  }
}
