package dev.marketplace.buyer;

import static org.assertj.core.api.Assertions.fail;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminalListener;
import dev.marketplace.buyer.ui.Theme;
import dev.marketplace.client.MarketplaceClient;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Runs the buyer TUI on a virtual terminal, as a person would at a real one: keys go in, the
 * screen's text comes out. Waits are for text to appear, with a generous limit for a busy machine.
 */
final class Driver implements AutoCloseable {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final DefaultVirtualTerminal terminal;
  private final Thread gui;
  private volatile Throwable crashed;
  private volatile String frame = "";

  private Driver(DefaultVirtualTerminal terminal, Thread gui) {
    this.terminal = terminal;
    this.gui = gui;
    // Whole frames only: the screen is read when the TUI has finished drawing one.
    terminal.addVirtualTerminalListener(
        new VirtualTerminalListener() {
          @Override
          public void onFlush() {
            frame = read();
          }

          @Override
          public void onBell() {}

          @Override
          public void onClose() {}

          @Override
          public void onResized(Terminal resized, TerminalSize size) {}
        });
  }

  static Driver start(MarketplaceClient client) throws Exception {
    return start(client, Theme.colour(), 80, 24);
  }

  static Driver start(MarketplaceClient client, Theme theme, int columns, int rows)
      throws Exception {
    DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
    TerminalScreen screen = new TerminalScreen(terminal);
    screen.startScreen();
    BuyerApp app = new BuyerApp(screen, theme, client);
    Driver[] driver = new Driver[1];
    Thread gui =
        new Thread(
            () -> {
              try {
                app.run();
                screen.stopScreen();
              } catch (Throwable e) {
                driver[0].crashed = e;
              }
            },
            "tui-under-test");
    driver[0] = new Driver(terminal, gui);
    gui.start();
    return driver[0];
  }

  DefaultVirtualTerminal terminal() {
    return terminal;
  }

  Driver type(String text) {
    for (char c : text.toCharArray()) {
      terminal.addInput(new KeyStroke(c, false, false));
    }
    return this;
  }

  Driver press(KeyType key) {
    terminal.addInput(new KeyStroke(key));
    return this;
  }

  Driver press(KeyType key, int times) {
    for (int i = 0; i < times; i++) {
      press(key);
    }
    return this;
  }

  Driver ctrl(char c) {
    terminal.addInput(new KeyStroke(c, true, false));
    return this;
  }

  /** The last whole frame drawn, as text, one line per row. */
  String screen() {
    return frame;
  }

  private String read() {
    TerminalSize size = terminal.getTerminalSize();
    StringBuilder text = new StringBuilder();
    for (int row = 0; row < size.getRows(); row++) {
      text.append(readRow(row)).append('\n');
    }
    return text.toString();
  }

  private String readRow(int row) {
    TerminalSize size = terminal.getTerminalSize();
    StringBuilder line = new StringBuilder();
    for (int column = 0; column < size.getColumns(); column++) {
      TextCharacter cell = terminal.getCharacter(column, row);
      line.append(cell == null ? " " : cell.getCharacterString());
    }
    return line.toString();
  }

  /** A row of the last whole frame ("" past its end). */
  String row(int row) {
    String[] rows = frame.split("\n", -1);
    return row >= 0 && row < rows.length ? rows[row] : "";
  }

  /** The first row showing {@code text}, or -1. */
  int rowOf(String text) {
    String[] rows = frame.split("\n", -1);
    for (int row = 0; row < rows.length; row++) {
      if (rows[row].contains(text)) {
        return row;
      }
    }
    return -1;
  }

  /** The first row that starts with {@code prefix}, or -1. */
  int rowStarting(String prefix) {
    String[] rows = frame.split("\n", -1);
    for (int row = 0; row < rows.length; row++) {
      if (rows[row].startsWith(prefix)) {
        return row;
      }
    }
    return -1;
  }

  TextCharacter cell(int column, int row) {
    return terminal.getCharacter(column, row);
  }

  /** Waits until the screen shows {@code text}; returns the screen then. */
  String await(String text) {
    return awaitScreen(screen -> screen.contains(text), "\"" + text + "\"");
  }

  /** Waits until the screen no longer shows {@code text}. */
  String awaitGone(String text) {
    return awaitScreen(screen -> !screen.contains(text), "no \"" + text + "\"");
  }

  String awaitScreen(Predicate<String> wanted, String what) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    String seen = screen();
    while (System.nanoTime() < deadline) {
      if (crashed != null) {
        fail("The TUI crashed", crashed);
      }
      seen = screen();
      if (wanted.test(seen)) {
        return seen;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    StringBuilder stack = new StringBuilder();
    for (StackTraceElement frame : gui.getStackTrace()) {
      stack.append("\n  at ").append(frame);
    }
    return fail(
        "Waited "
            + PATIENCE.toSeconds()
            + " s for "
            + what
            + "; the screen shows:\n"
            + seen
            + "\nThe TUI's thread is"
            + stack);
  }

  /** Waits until the TUI has ended (after q or Ctrl-C). */
  void awaitExit() throws InterruptedException {
    gui.join(PATIENCE.toMillis());
    if (gui.isAlive()) {
      fail("The TUI is still running; the screen shows:\n" + screen());
    }
    if (crashed != null) {
      fail("The TUI crashed", crashed);
    }
  }

  boolean running() {
    return gui.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    if (gui.isAlive()) {
      ctrl('c');
      gui.join(PATIENCE.toMillis());
    }
  }
}
