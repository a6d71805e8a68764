package dev.marketplace.seller.command;

import java.util.LinkedHashMap;
import java.util.Map;

/** The exit codes, as {@code --help} lists them. */
public final class ExitCode {

  public static final int OK = 0;
  public static final int REFUSED = 1;
  public static final int USAGE = 2;
  public static final int NOT_SIGNED_IN = 3;
  public static final int UNREACHABLE = 4;

  private ExitCode() {}

  public static Map<String, String> described() {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put(" 0", "done");
    codes.put(" 1", "refused by the server (or a line of an import failed)");
    codes.put(" 2", "wrong usage: an unknown command or option, a bad value, a missing file");
    codes.put(" 3", "not signed in, or the session has ended: run marketplace-seller login");
    codes.put(" 4", "the server cannot be reached");
    return codes;
  }
}
