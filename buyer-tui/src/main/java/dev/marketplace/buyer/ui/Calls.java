package dev.marketplace.buyer.ui;

import dev.marketplace.client.failure.FailureKind;
import dev.marketplace.client.failure.MarketplaceException;
import dev.marketplace.client.failure.NotSignedInException;
import dev.marketplace.client.failure.ServerUnreachableException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs the views' network calls on worker threads and hands each outcome back to the GUI thread:
 * reads are tried again while the server is unreachable, changes once; a missing session asks for a
 * sign-in and then repeats the call.
 */
final class Calls {

  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);

  private final Tui tui;
  private final StatusLine status;
  private final ExecutorService workers = Executors.newFixedThreadPool(4, daemon("tui-io"));
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(daemon("tui-timer"));
  private Consumer<Runnable> signInThen = retry -> {};
  private int inFlight;

  Calls(Tui tui, StatusLine status) {
    this.tui = tui;
    this.status = status;
  }

  void whenSignedOut(Consumer<Runnable> signInThenRetry) {
    this.signInThen = signInThenRetry;
  }

  /** Calls under way for views (the header shows that something is loading). GUI thread. */
  int inFlight() {
    return inFlight;
  }

  <T> void load(
      View owner, Supplier<T> work, Consumer<T> done, Consumer<MarketplaceException> failed) {
    submit(owner, work, done, failed, FIRST_RETRY);
  }

  <T> void act(
      View owner, Supplier<T> work, Consumer<T> done, Consumer<MarketplaceException> failed) {
    submit(owner, work, done, failed, null);
  }

  <T> void background(Supplier<T> work, Consumer<T> done) {
    workers.execute(
        () -> {
          try {
            T value = work.get();
            tui.post(() -> done.accept(value));
          } catch (RuntimeException e) {
            // The view keeps what it had; the next change or reload fetches it again.
          }
        });
  }

  void shutdown() {
    workers.shutdownNow();
    timer.shutdownNow();
  }

  private <T> void submit(
      View owner,
      Supplier<T> work,
      Consumer<T> done,
      Consumer<MarketplaceException> failed,
      Duration retry) {
    inFlight++;
    workers.execute(
        () -> {
          MarketplaceException failure = null;
          T result = null;
          try {
            result = work.get();
          } catch (MarketplaceException e) {
            failure = e;
          } catch (RuntimeException e) {
            failure =
                new MarketplaceException(
                    FailureKind.OTHER, "Unexpected answer: " + Tui.describe(e), e);
          }
          T value = result;
          MarketplaceException problem = failure;
          tui.post(
              () -> {
                inFlight--;
                if (!tui.isOpen(owner)) {
                  return;
                }
                if (problem == null) {
                  status.reached(null);
                  done.accept(value);
                } else {
                  failed(owner, work, done, failed, retry, problem);
                }
              });
        });
  }

  private <T> void failed(
      View owner,
      Supplier<T> work,
      Consumer<T> done,
      Consumer<MarketplaceException> failed,
      Duration retry,
      MarketplaceException problem) {
    if (problem instanceof NotSignedInException) {
      signInThen.accept(() -> submit(owner, work, done, failed, retry));
      return;
    }
    if (problem instanceof ServerUnreachableException && retry != null) {
      status.unreachable(
          problem.getMessage() + " Retrying in " + Math.max(1, retry.toSeconds()) + " s…");
      Duration doubled = retry.multipliedBy(2);
      Duration next = doubled.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : doubled;
      timer.schedule(
          () ->
              tui.post(
                  () -> {
                    if (tui.isOpen(owner)) {
                      submit(owner, work, done, failed, next);
                    }
                  }),
          retry.toMillis(),
          TimeUnit.MILLISECONDS);
      return;
    }
    status.error(problem.getMessage());
    failed.accept(problem);
  }

  private static ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
