package dev.marketplace.app;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wording that is not a person's: the validator's own ("Instance does not have required property",
 * "String is too short"), Java's (class names, exceptions, a list printed as {@code
 * [application/json]}), a library's ("Error while decoding query params"), a schema's vocabulary
 * ("(rule pattern)", "in the format uri") or a path written as a JSON pointer's steps ({@code
 * lines.0.category} where people write {@code lines[0].category}).
 */
final class MachineWording {

  private static final List<Pattern> PATTERNS =
      List.of(
          Pattern.compile("Instance"),
          Pattern.compile("String is"),
          Pattern.compile("does not match pattern"),
          Pattern.compile("must match the pattern"),
          Pattern.compile("java\\."),
          Pattern.compile("Exception"),
          Pattern.compile("BigDecimal"),
          Pattern.compile("\\brule "),
          Pattern.compile("in the format "),
          Pattern.compile("of type "),
          Pattern.compile("decoding"),
          Pattern.compile("Error while"),
          Pattern.compile("\\[[a-z]+/[a-z0-9.+-]+[],]"),
          Pattern.compile("[A-Za-z_]\\.[0-9]+\\b"),
          Pattern.compile(" \\? "));

  private MachineWording() {}

  /** The machine wording {@code message} holds, or null when it reads as a person's words. */
  static String in(String message) {
    for (Pattern pattern : PATTERNS) {
      Matcher found = pattern.matcher(message);
      if (found.find()) {
        return found.group();
      }
    }
    return null;
  }
}
