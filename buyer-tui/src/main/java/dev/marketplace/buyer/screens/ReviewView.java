package dev.marketplace.buyer.screens;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.marketplace.buyer.ui.Canvas;
import dev.marketplace.buyer.ui.FormDialog;
import dev.marketplace.buyer.ui.Hint;
import dev.marketplace.buyer.ui.LineEditor;
import dev.marketplace.buyer.ui.Style;
import dev.marketplace.buyer.ui.Tui;
import dev.marketplace.client.Catalog;
import java.util.List;

/** Stars and a few words on a product the buyer has received; writing again replaces it. */
final class ReviewView implements FormDialog {

  private final Tui tui;
  private final Catalog catalog;
  private final long productId;
  private final String productName;
  private final Runnable posted;
  private final LineEditor comment = new LineEditor("", 5000, false);
  private int stars = 5;
  private boolean onComment;
  private boolean sending;

  ReviewView(Tui tui, Catalog catalog, long productId, String productName, Runnable posted) {
    this.tui = tui;
    this.catalog = catalog;
    this.productId = productId;
    this.productName = productName;
    this.posted = posted;
  }

  @Override
  public String title() {
    return "Review";
  }

  @Override
  public List<Hint> hints() {
    return List.of(
        Hint.of("←/→ 1-5", "stars"),
        Hint.of("Tab", "stars/comment"),
        Hint.of("Enter", "post"),
        Hint.of("Esc", "cancel"));
  }

  @Override
  public void draw(Canvas canvas) {
    Canvas inside = canvas.dialog(66, 9, "Review " + productName);
    inside.label(0, 0, "Stars", !onComment);
    inside.text(
        10,
        0,
        Display.stars(stars) + "  " + stars + " of 5",
        onComment ? Style.NORMAL : Style.SELECTED);
    inside.label(0, 2, "Comment", onComment);
    comment.draw(inside, 10, 2, inside.width() - 10, onComment);
    inside.text(0, 4, sending ? "Posting…" : "Enter posts the review; Esc cancels.", Style.DIM);
  }

  @Override
  public boolean onKey(KeyStroke key) {
    KeyType type = key.getKeyType();
    if (sending) {
      return true;
    }
    if (type == KeyType.Tab
        || type == KeyType.ReverseTab
        || type == KeyType.ArrowDown
        || type == KeyType.ArrowUp) {
      onComment = !onComment;
      return true;
    }
    if (type == KeyType.Enter) {
      post();
      return true;
    }
    if (onComment) {
      return comment.onKey(key);
    }
    if (type == KeyType.ArrowLeft) {
      stars = Math.max(1, stars - 1);
    } else if (type == KeyType.ArrowRight) {
      stars = Math.min(5, stars + 1);
    } else if (type == KeyType.Character
        && key.getCharacter() >= '1'
        && key.getCharacter() <= '5') {
      stars = key.getCharacter() - '0';
    }
    return true;
  }

  private void post() {
    sending = true;
    String text = comment.text().strip();
    int chosen = stars;
    tui.act(
        this,
        () -> catalog.review(productId, chosen, text.isEmpty() ? null : text),
        review -> {
          tui.close(this);
          tui.info("Thank you: your " + chosen + "-star review of " + productName + " is posted.");
          posted.run();
        },
        failure -> sending = false);
  }
}
