package dev.marketplace.client.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets before an exchange is shown: bearer tokens in headers; access tokens, refresh
 * tokens and passwords in JSON bodies. A masked token keeps its first characters, so that two can
 * still be told apart.
 */
public final class Redaction {

  private static final Pattern SECRET_FIELD =
      Pattern.compile(
          "\"(access_token|refresh_token|password)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final int SHOWN = 6;

  private Redaction() {}

  /** The header's value, masked when it carries a credential. */
  public static String header(String name, String value) {
    if (name.equalsIgnoreCase("authorization")) {
      int space = value.indexOf(' ');
      return space < 0
          ? mask(value)
          : value.substring(0, space + 1) + mask(value.substring(space + 1));
    }
    return value;
  }

  /** The body with the values of secret fields masked; null stays null. */
  public static String body(String body) {
    if (body == null) {
      return null;
    }
    Matcher matcher = SECRET_FIELD.matcher(body);
    StringBuilder masked = new StringBuilder();
    while (matcher.find()) {
      String replacement =
          "\""
              + matcher.group(1)
              + "\":\""
              + (matcher.group(1).equals("password") ? "***" : mask(matcher.group(2)))
              + "\"";
      matcher.appendReplacement(masked, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(masked);
    return masked.toString();
  }

  /** {@code eyJhbG…(412 chars)}: enough to compare, nothing to use. */
  public static String mask(String secret) {
    if (secret.length() <= SHOWN) {
      return "***";
    }
    return secret.substring(0, SHOWN) + "…(" + secret.length() + " chars)";
  }
}
