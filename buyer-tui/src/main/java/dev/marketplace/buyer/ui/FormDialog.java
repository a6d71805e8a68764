package dev.marketplace.buyer.ui;

/**
 * A dialog of text fields: drawn over the view below it, and every printable key goes into the
 * field with the focus (so {@code q} and {@code ?} are letters there, not commands).
 */
public interface FormDialog extends View {

  @Override
  default boolean dialog() {
    return true;
  }

  @Override
  default boolean editing() {
    return true;
  }
}
