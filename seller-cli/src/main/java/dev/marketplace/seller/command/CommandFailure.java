package dev.marketplace.seller.command;

/** A command cannot go on for a reason the user can fix (a bad file, say), with its exit code. */
public final class CommandFailure extends RuntimeException {

  private final int exitCode;

  public CommandFailure(String message, int exitCode) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
