// Over 300 lines: the loop, the view stack and the results handed back share the one GUI thread.
package dev.marketplace.buyer.ui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminal;
import dev.marketplace.client.failure.MarketplaceException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The terminal UI's shell: a stack of {@link View}s, the GUI thread's loop (keys, results of
 * background calls, resizes, redraws) and the status line; a {@link Frame} draws them. Only the GUI
 * thread touches the screen and the views; network calls run on worker threads and hand their
 * results back through {@link #post}.
 */
public final class Tui {

  /** How often the screen is redrawn while something moves (calls in flight, fading notes). */
  private static final Duration TICK = Duration.ofMillis(150);

  /** How long the loop sleeps when nothing happens, in case a change came unannounced. */
  private static final Duration IDLE = Duration.ofSeconds(1);

  private static final Duration VIRTUAL_INPUT_POLL = Duration.ofMillis(10);

  private final Screen screen;
  private final Theme theme;
  private final Deque<View> stack = new ArrayDeque<>();
  private final BlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
  private final StatusLine status = new StatusLine();
  private final Calls calls = new Calls(this, status);
  private final Frame frame = new Frame(stack, status, calls);
  private volatile boolean running;
  private boolean dirty = true;
  private boolean repaintAll = true;
  private long animateUntil;
  private TerminalPosition cursor;

  public Tui(Screen screen, Theme theme) {
    this.screen = screen;
    this.theme = theme;
  }

  /** What the header shows on its right (who is signed in, the cart, the live stream). */
  public void headerRight(Supplier<String> text) {
    frame.headerRight(text);
  }

  /** What to do when a call finds no session: sign in, then run {@code retry}. */
  public void whenSignedOut(Consumer<Runnable> signInThenRetry) {
    calls.whenSignedOut(signInThenRetry);
  }

  public Theme theme() {
    return theme;
  }

  /**
   * Runs the loop on the calling thread (the GUI thread) until {@link #quit()}. The loop sleeps
   * until something happens: a key, a result of a background call, a live order event or a resize
   * (each posted to the inbox), or, while something moves on screen, the next animation tick.
   */
  public void run(View first) throws IOException {
    running = true;
    Thread keys = startReadingKeys();
    open(first);
    long lastTick = 0;
    try {
      while (running) {
        if (screen.doResizeIfNecessary() != null) {
          repaintAll = true;
          dirty = true;
        }
        long now = System.nanoTime();
        boolean moving = calls.inFlight() > 0 || now < animateUntil || status.fading();
        if (moving && now - lastTick >= TICK.toNanos()) {
          lastTick = now;
          dirty = true;
        }
        if (dirty) {
          render();
        }
        Runnable task = inbox.poll((moving ? TICK : IDLE).toMillis(), TimeUnit.MILLISECONDS);
        while (task != null && running) {
          guarded(task);
          dirty = true;
          task = inbox.poll();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      running = false;
      keys.interrupt();
    }
  }

  private Thread startReadingKeys() {
    if (screen instanceof TerminalScreen terminalScreen) {
      terminalScreen.getTerminal().addResizeListener((terminal, size) -> post(() -> {}));
    }
    return Thread.ofPlatform().daemon().name("tui-keys").start(this::readKeys);
  }

  /** The key reader's thread: hands each key to the GUI thread, until the loop ends. */
  private void readKeys() {
    try {
      while (running) {
        KeyStroke key = nextKey();
        if (key == null) {
          continue;
        }
        post(() -> onKey(key));
        if (key.getKeyType() == KeyType.EOF) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      post(this::quit);
    }
  }

  private KeyStroke nextKey() throws IOException, InterruptedException {
    if (screen instanceof TerminalScreen terminalScreen
        && terminalScreen.getTerminal() instanceof VirtualTerminal) {
      // A virtual terminal (the tests') holds its own lock while readInput waits, which would
      // stop the GUI thread drawing on it; so it is polled here, off the GUI thread.
      KeyStroke key = screen.pollInput();
      if (key == null) {
        Thread.sleep(VIRTUAL_INPUT_POLL.toMillis());
      }
      return key;
    }
    return screen.readInput();
  }

  /** Ends the loop; the caller then restores the terminal. */
  public void quit() {
    running = false;
    inbox.add(() -> {});
  }

  /** Stops the worker threads. */
  public void shutdown() {
    calls.shutdown();
  }

  public boolean running() {
    return running;
  }

  /** Runs {@code task} on the GUI thread, soon; callable from any thread. */
  public void post(Runnable task) {
    inbox.add(task);
  }

  /** Redraws at a steady pace for a while (for highlights that fade). */
  public void animateFor(Duration duration) {
    animateUntil = Math.max(animateUntil, System.nanoTime() + duration.toNanos());
  }

  public void open(View view) {
    stack.push(view);
    guarded(view::opened);
    guarded(view::shown);
    dirty = true;
  }

  /** Closes a view (and whatever is above it); the one below is shown again. */
  public void close(View view) {
    if (!stack.contains(view)) {
      return;
    }
    while (!stack.isEmpty() && stack.peek() != view) {
      stack.pop();
    }
    stack.pop();
    if (!stack.isEmpty()) {
      guarded(stack.peek()::shown);
    }
    dirty = true;
  }

  /** Closes every view above the first (the catalog) and opens {@code view} there. */
  public void openFromRoot(View view) {
    while (stack.size() > 1) {
      stack.pop();
    }
    open(view);
  }

  public boolean isOpen(View view) {
    return stack.contains(view);
  }

  public View top() {
    return stack.peek();
  }

  /** Says what just happened, in the status line, for a few seconds. */
  public void info(String message) {
    status.info(message);
    dirty = true;
  }

  /** Says what went wrong, in the status line, until something else is said. */
  public void error(String message) {
    status.error(message);
    dirty = true;
  }

  /**
   * The server answered: if it had been reported unreachable, says it is back; else shows {@code
   * message} (if any).
   */
  public void reached(String message) {
    status.reached(message);
    dirty = true;
  }

  /**
   * Reads something in the background for {@code owner}: while the server cannot be reached it says
   * so and tries again, with growing pauses, as long as the owner is open. The result reaches
   * {@code done} on the GUI thread, unless the owner has closed meanwhile.
   */
  public <T> void load(View owner, Supplier<T> work, Consumer<T> done) {
    calls.load(owner, work, done, failure -> {});
  }

  /** As {@link #load(View, Supplier, Consumer)}; {@code failed} hears of a refusal too. */
  public <T> void load(
      View owner, Supplier<T> work, Consumer<T> done, Consumer<MarketplaceException> failed) {
    calls.load(owner, work, done, failed);
  }

  /**
   * Does something that changes state, in the background, once: a failure is shown and handed to
   * {@code failed}; trying again is the user's choice.
   */
  public <T> void act(
      View owner, Supplier<T> work, Consumer<T> done, Consumer<MarketplaceException> failed) {
    calls.act(owner, work, done, failed);
  }

  /**
   * Fetches something nobody waits for (a fresher copy of what is shown) in the background; the
   * result reaches {@code done} on the GUI thread, a failure is left for the next try.
   */
  public <T> void background(Supplier<T> work, Consumer<T> done) {
    calls.background(work, done);
  }

  private void onKey(KeyStroke key) {
    if (key.getKeyType() == KeyType.EOF) {
      quit();
      return;
    }
    if (key.getKeyType() == KeyType.Character
        && key.isCtrlDown()
        && Character.toLowerCase(key.getCharacter()) == 'c') {
      quit();
      return;
    }
    View top = stack.peek();
    if (top == null) {
      return;
    }
    boolean[] used = {false};
    guarded(() -> used[0] = top.onKey(key));
    if (used[0]) {
      return;
    }
    boolean escape = key.getKeyType() == KeyType.Escape;
    boolean character = key.getKeyType() == KeyType.Character && !key.isCtrlDown();
    if (top.editing()) {
      if (escape) {
        close(top);
      }
      return;
    }
    if (character && key.getCharacter() == '?') {
      if (top instanceof HelpView) {
        close(top);
      } else {
        open(new HelpView(top));
      }
    } else if (escape || (character && key.getCharacter() == 'q')) {
      if (stack.size() > 1) {
        close(top);
      } else if (escape) {
        info("Press q to quit.");
      } else {
        quit();
      }
    }
  }

  private void render() {
    dirty = false;
    TerminalSize size = screen.getTerminalSize();
    cursor = null;
    Canvas whole =
        new Canvas(
            screen.newTextGraphics(),
            theme,
            0,
            0,
            size.getColumns(),
            size.getRows(),
            position -> cursor = position);
    whole.fill(Style.NORMAL);
    if (size.getColumns() < 40 || size.getRows() < 10) {
      whole.text(0, 0, "The terminal is too small: make it at least 40x10.", Style.ERROR);
    } else {
      guarded(() -> frame.draw(whole));
    }
    screen.setCursorPosition(cursor);
    try {
      screen.refresh(repaintAll ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
    } catch (IOException e) {
      running = false;
    }
    repaintAll = false;
  }

  /** Runs view code; a bug in it shows in the status line instead of ending the program. */
  private void guarded(Runnable code) {
    try {
      code.run();
    } catch (RuntimeException e) {
      error("Something went wrong: " + describe(e));
    }
  }

  static String describe(RuntimeException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
