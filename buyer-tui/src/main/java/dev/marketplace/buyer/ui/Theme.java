package dev.marketplace.buyer.ui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How each {@link Style} looks. Without colour (the {@code NO_COLOR} convention, {@code
 * --no-color}, or a terminal that has none) everything stays in the terminal's own colours and only
 * reverse video, bold and underline tell things apart.
 */
public final class Theme {

  /** Terminals that are known to show no colour. */
  private static final Set<String> MONOCHROME_TERMINALS =
      Set.of("dumb", "vt52", "vt100", "vt102", "vt220", "vt320", "xterm-mono", "linux-m", "ansi-m");

  private final boolean colour;
  private final Map<Style, Look> looks = new EnumMap<>(Style.class);

  private Theme(boolean colour) {
    this.colour = colour;
    TextColor none = TextColor.ANSI.DEFAULT;
    for (Style style : Style.values()) {
      looks.put(style, new Look(none, none, EnumSet.noneOf(SGR.class)));
    }
    looks.put(Style.TITLE, new Look(none, none, EnumSet.of(SGR.BOLD)));
    looks.put(Style.HEADER, new Look(none, none, EnumSet.of(SGR.REVERSE)));
    looks.put(Style.SELECTED, new Look(none, none, EnumSet.of(SGR.REVERSE)));
    looks.put(Style.SELECTED_UNFOCUSED, new Look(none, none, EnumSet.of(SGR.UNDERLINE)));
    looks.put(Style.CHANGED, new Look(none, none, EnumSet.of(SGR.BOLD, SGR.UNDERLINE)));
    looks.put(Style.ERROR, new Look(none, none, EnumSet.of(SGR.BOLD)));
    looks.put(Style.KEY, new Look(none, none, EnumSet.of(SGR.BOLD)));
    looks.put(Style.FIELD, new Look(none, none, EnumSet.of(SGR.UNDERLINE)));
    if (colour) {
      looks.put(Style.DIM, new Look(TextColor.ANSI.BLACK_BRIGHT, none, EnumSet.noneOf(SGR.class)));
      looks.put(Style.TITLE, new Look(TextColor.ANSI.CYAN_BRIGHT, none, EnumSet.of(SGR.BOLD)));
      looks.put(
          Style.HEADER,
          new Look(TextColor.ANSI.WHITE_BRIGHT, TextColor.ANSI.BLUE, EnumSet.noneOf(SGR.class)));
      looks.put(
          Style.SELECTED,
          new Look(TextColor.ANSI.BLACK, TextColor.ANSI.CYAN, EnumSet.noneOf(SGR.class)));
      looks.put(
          Style.CHANGED,
          new Look(TextColor.ANSI.BLACK, TextColor.ANSI.YELLOW_BRIGHT, EnumSet.of(SGR.BOLD)));
      looks.put(Style.ERROR, new Look(TextColor.ANSI.RED_BRIGHT, none, EnumSet.of(SGR.BOLD)));
      looks.put(Style.GOOD, new Look(TextColor.ANSI.GREEN_BRIGHT, none, EnumSet.noneOf(SGR.class)));
      looks.put(Style.KEY, new Look(TextColor.ANSI.YELLOW_BRIGHT, none, EnumSet.of(SGR.BOLD)));
    }
  }

  public static Theme colour() {
    return new Theme(true);
  }

  public static Theme monochrome() {
    return new Theme(false);
  }

  /**
   * Colour unless {@code NO_COLOR} is set to anything (see no-color.org), {@code noColour} is asked
   * for, or {@code TERM} names a terminal without colours.
   */
  public static Theme forEnvironment(Map<String, String> environment, boolean noColour) {
    String noColorVariable = environment.get("NO_COLOR");
    String term = environment.getOrDefault("TERM", "dumb").toLowerCase(Locale.ROOT);
    boolean monochrome =
        noColour
            || (noColorVariable != null && !noColorVariable.isEmpty())
            || MONOCHROME_TERMINALS.contains(term)
            || term.endsWith("-mono")
            || term.endsWith("-m");
    return monochrome ? monochrome() : colour();
  }

  public boolean hasColour() {
    return colour;
  }

  Look look(Style style) {
    return looks.get(style);
  }

  /** Colours and modifiers of one style. */
  record Look(TextColor foreground, TextColor background, EnumSet<SGR> modifiers) {}
}
