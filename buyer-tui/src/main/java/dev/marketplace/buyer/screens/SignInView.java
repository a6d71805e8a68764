package dev.marketplace.buyer.screens;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.marketplace.buyer.shop.Visitor;
import dev.marketplace.buyer.ui.Canvas;
import dev.marketplace.buyer.ui.Cells;
import dev.marketplace.buyer.ui.Hint;
import dev.marketplace.buyer.ui.LineEditor;
import dev.marketplace.buyer.ui.Style;
import dev.marketplace.buyer.ui.Tui;
import dev.marketplace.buyer.ui.View;
import dev.marketplace.client.Accounts;
import dev.marketplace.client.auth.Session;
import dev.marketplace.client.failure.ApiException;
import dev.marketplace.client.failure.ErrorCode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Asked for when an action needs an account: sign in, or register and be signed in. The session is
 * kept in the credentials file shared with the seller CLI; then the action goes on.
 */
public final class SignInView implements View {

  private static final int DIALOG_WIDTH = 60;

  private enum Mode {
    CHOOSE,
    SIGN_IN,
    REGISTER
  }

  private final Tui tui;
  private final Accounts accounts;
  private final URI server;
  private final Visitor visitor;
  private final Runnable then;
  private Mode mode = Mode.CHOOSE;
  private LineEditor name;
  private LineEditor email;
  private LineEditor password;
  private int focus;
  private boolean sending;
  private String problem;

  SignInView(Tui tui, Accounts accounts, URI server, Visitor visitor, Runnable then) {
    this.tui = tui;
    this.accounts = accounts;
    this.server = server;
    this.visitor = visitor;
    this.then = then;
  }

  @Override
  public String title() {
    return switch (mode) {
      case CHOOSE -> "Sign in";
      case SIGN_IN -> "Sign in";
      case REGISTER -> "Register";
    };
  }

  @Override
  public List<Hint> hints() {
    if (mode == Mode.CHOOSE) {
      return List.of(Hint.of("s", "sign in"), Hint.of("r", "register"));
    }
    return List.of(
        Hint.of("Tab/↓", "next field"), Hint.of("Enter", "go"), Hint.of("Esc", "cancel"));
  }

  @Override
  public boolean dialog() {
    return true;
  }

  @Override
  public boolean editing() {
    return mode != Mode.CHOOSE;
  }

  private List<LineEditor> fields() {
    return mode == Mode.REGISTER ? List.of(name, email, password) : List.of(email, password);
  }

  @Override
  public void draw(Canvas canvas) {
    if (mode == Mode.CHOOSE) {
      Canvas inside = canvas.dialog(DIALOG_WIDTH, 8, "Sign in to go on");
      inside.text(0, 0, "This needs a buyer account on " + server + ".", Style.NORMAL);
      inside.text(0, 2, "s", Style.KEY);
      inside.text(2, 2, "Sign in with your email and password", Style.NORMAL);
      inside.text(0, 3, "r", Style.KEY);
      inside.text(2, 3, "Register a new account", Style.NORMAL);
      inside.text(0, 5, "Esc: not now", Style.DIM);
      return;
    }
    List<LineEditor> fields = fields();
    List<String> labels =
        mode == Mode.REGISTER ? List.of("Name", "Email", "Password") : List.of("Email", "Password");
    List<String> trouble =
        problem == null
            ? List.of()
            : problemLines(problem, Math.min(DIALOG_WIDTH, canvas.width()) - 4);
    Canvas inside =
        canvas.dialog(
            DIALOG_WIDTH,
            fields.size() + 5 + Math.max(1, trouble.size()),
            mode == Mode.REGISTER ? "Register" : "Sign in");
    for (int i = 0; i < fields.size(); i++) {
      inside.label(0, i, labels.get(i), focus == i);
      fields.get(i).draw(inside, 10, i, inside.width() - 10, focus == i && !sending);
    }
    int row = fields.size() + 1;
    if (mode == Mode.REGISTER) {
      inside.text(0, row, "At least 8 characters for the password.", Style.DIM);
    }
    if (problem != null) {
      for (int i = 0; i < trouble.size(); i++) {
        inside.text(0, row + 1 + i, trouble.get(i), Style.ERROR);
      }
    } else {
      inside.text(0, row + 1, sending ? "Please wait…" : "Enter: go on   Esc: cancel", Style.DIM);
    }
  }

  /**
   * What went wrong, a line per sentence (the server joins its sentences about each field with ";
   * "), each wrapped to the dialog, so that none is cut off.
   */
  private static List<String> problemLines(String problem, int width) {
    List<String> lines = new ArrayList<>();
    for (String sentence : problem.split("; ")) {
      lines.addAll(Cells.wrap(sentence, width));
    }
    return lines;
  }

  @Override
  public boolean onKey(KeyStroke key) {
    KeyType type = key.getKeyType();
    if (mode == Mode.CHOOSE) {
      if (type == KeyType.Character && (key.getCharacter() == 's' || key.getCharacter() == 'r')) {
        mode = key.getCharacter() == 's' ? Mode.SIGN_IN : Mode.REGISTER;
        name = new LineEditor("", 255, false);
        email = new LineEditor("", 254, false);
        password = new LineEditor("", 128, true);
        focus = 0;
        return true;
      }
      return false;
    }
    if (sending) {
      return type != KeyType.Escape;
    }
    int count = fields().size();
    if (type == KeyType.Tab || type == KeyType.ArrowDown) {
      focus = (focus + 1) % count;
      return true;
    }
    if (type == KeyType.ReverseTab || type == KeyType.ArrowUp) {
      focus = (focus + count - 1) % count;
      return true;
    }
    if (type == KeyType.Enter) {
      if (focus < count - 1) {
        focus++;
      } else {
        submit();
      }
      return true;
    }
    problem = null;
    return fields().get(focus).onKey(key);
  }

  private void submit() {
    String who = email.text().strip();
    String secret = password.text();
    String fullName = mode == Mode.REGISTER ? name.text().strip() : null;
    if (who.isEmpty() || secret.isEmpty() || (fullName != null && fullName.isEmpty())) {
      problem = "Please fill in every field.";
      return;
    }
    sending = true;
    tui.act(
        this,
        () -> {
          if (fullName != null) {
            accounts.register(fullName, who, secret);
          }
          return accounts.login(who, secret);
        },
        (Session session) -> {
          tui.close(this);
          visitor.signedIn(session);
          tui.info("Signed in as " + session.name() + ".");
          then.run();
        },
        failure -> {
          sending = false;
          problem = failure.getMessage();
          if (failure instanceof ApiException refused && refused.code() == ErrorCode.DUPLICATE) {
            // Registered already (perhaps by an attempt whose answer was lost): sign in instead.
            mode = Mode.SIGN_IN;
            focus = 1;
          }
        });
  }
}
