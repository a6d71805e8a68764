package dev.marketplace.buyer.ui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** A dialog that asks for one line of text: a search, a quantity, a reason. */
public final class PromptView implements FormDialog {

  private final Tui tui;
  private final String title;
  private final String question;
  private final LineEditor field;
  private final Function<String, String> problemWith;
  private final Consumer<String> answered;
  private String problem;

  /**
   * @param problemWith what is wrong with an answer, or null when it will do
   * @param answered gets the answer (the dialog has closed by then)
   */
  public PromptView(
      Tui tui,
      String title,
      String question,
      String initial,
      int maxLength,
      Function<String, String> problemWith,
      Consumer<String> answered) {
    this.tui = tui;
    this.title = title;
    this.question = question;
    this.field = new LineEditor(initial, maxLength, false);
    // The old answer is offered selected: typing replaces it, an arrow key keeps it for editing.
    field.selectAll();
    this.problemWith = problemWith;
    this.answered = answered;
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public List<Hint> hints() {
    return List.of(Hint.of("Enter", "confirm"), Hint.of("Esc", "cancel"));
  }

  @Override
  public void draw(Canvas canvas) {
    Canvas inside = canvas.dialog(64, 7, title);
    inside.text(0, 0, question, Style.NORMAL);
    field.draw(inside, 0, 1, inside.width(), true);
    if (problem != null) {
      inside.text(0, 3, problem, Style.ERROR);
    } else {
      inside.text(0, 3, "Enter to confirm, Esc to cancel.", Style.DIM);
    }
  }

  @Override
  public boolean onKey(KeyStroke key) {
    if (key.getKeyType() == KeyType.Enter) {
      String text = field.text().strip();
      problem = problemWith.apply(text);
      if (problem == null) {
        tui.close(this);
        answered.accept(text);
      }
      return true;
    }
    if (field.onKey(key)) {
      problem = null;
      return true;
    }
    return false;
  }
}
