package dev.marketplace.buyer.ui;

/** What a piece of text is, so that the {@link Theme} can show it with or without colour. */
public enum Style {
  NORMAL,
  /** Less important: labels, times, counts. */
  DIM,
  /** Headings and names. */
  TITLE,
  /** The header bar at the top. */
  HEADER,
  /** The row under the cursor of the focused list. */
  SELECTED,
  /** The row under the cursor of a list that does not have the focus. */
  SELECTED_UNFOCUSED,
  /** Something that has just changed. */
  CHANGED,
  /** A failure. */
  ERROR,
  /** A success. */
  GOOD,
  /** A key in the hint bar. */
  KEY,
  /** A text field being edited. */
  FIELD
}
