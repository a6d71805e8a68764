package dev.marketplace.api.validation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Where a value sits in a request body, built as a check walks down into it, and named only when
 * something there is wrong: {@code items[0].quantity}, or {@value Violation#BODY} for the body as a
 * whole. The name is the one the contract's interpreting validator gave the same place (see {@link
 * #name()}), so that a client reads the same words whichever validator found the fault.
 */
public final class FieldPath {

  /** The body as a whole. */
  public static final FieldPath BODY = new FieldPath(null, null, -1);

  private static final String UNESCAPED = ":?#@!$&'()*+,;=" + "-._";

  private final FieldPath parent;
  private final String key;
  private final int index;

  private FieldPath(FieldPath parent, String key, int index) {
    this.parent = parent;
    this.key = key;
    this.index = index;
  }

  /** The value under {@code key} of the object here. */
  public FieldPath child(String key) {
    return new FieldPath(this, key, -1);
  }

  /** The item at {@code index} of the list here. */
  public FieldPath item(int index) {
    return new FieldPath(this, null, index);
  }

  /**
   * The field's name as a person writes it: {@code items[0].quantity}; {@value Violation#BODY} for
   * the body. A key is written as a JSON pointer step of it reads (see {@link #step()}), and a step
   * of digits alone as an index; an empty key adds nothing.
   */
  public String name() {
    Deque<String> steps = steps();
    return steps.isEmpty() ? Violation.BODY : joined("", steps);
  }

  /**
   * {@code steps} after {@code prefix} as a person writes a field: {@code items[0].quantity}, an
   * index in brackets, a name after a dot.
   */
  public static String joined(String prefix, Iterable<String> steps) {
    StringBuilder name = new StringBuilder(prefix);
    for (String step : steps) {
      if (step.chars().allMatch(Character::isDigit)) {
        name.append('[').append(step).append(']');
      } else {
        if (!name.isEmpty()) {
          name.append('.');
        }
        name.append(step);
      }
    }
    return name.toString();
  }

  /** The last step of {@link #name()} that is not empty; null at the body. */
  String lastStep() {
    Deque<String> steps = steps();
    return steps.isEmpty() ? null : steps.getLast();
  }

  private Deque<String> steps() {
    Deque<String> steps = new ArrayDeque<>();
    for (FieldPath at = this; at.parent != null; at = at.parent) {
      String step = at.step();
      if (!step.isEmpty()) {
        steps.addFirst(step);
      }
    }
    return steps;
  }

  /**
   * This place's step as vertx-json-schema's report names it and the report's reader took it back:
   * a key's UTF-8 bytes percent-encoded (upper-case hex, no leading zero) but for letters, digits
   * and {@code :?#@!$&'()*+,;=-._}, while {@code ~} and {@code /} stay as they are.
   */
  private String step() {
    if (key == null) {
      return Integer.toString(index);
    }
    StringBuilder step = new StringBuilder(key.length());
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) b;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '~'
          || c == '/'
          || (b >= 0 && UNESCAPED.indexOf(c) >= 0)) {
        step.append(c);
      } else {
        step.append('%')
            .append(Integer.toHexString(Byte.toUnsignedInt(b)).toUpperCase(Locale.ROOT));
      }
    }
    return step.toString();
  }
}
