package dev.marketplace.seller.account;

import dev.marketplace.seller.command.Environment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where a password comes from: a prompt that does not echo, or with {@code --password-stdin} the
 * first line of standard input. Never a command-line argument, which other users can see. A mixin
 * of the commands that take a password.
 */
final class PasswordInput {

  @Option(names = "--password-stdin", description = "Read the password from standard input.")
  boolean fromStdin;

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  /** The password; with {@code confirm}, a prompt asks for it twice. */
  String read(Environment environment, boolean confirm) {
    if (fromStdin) {
      try {
        String line =
            new BufferedReader(new InputStreamReader(environment.in(), StandardCharsets.UTF_8))
                .readLine();
        if (line == null || line.isEmpty()) {
          throw new ParameterException(
              spec.commandLine(), "--password-stdin: standard input has no password.");
        }
        return line;
      } catch (IOException e) {
        throw new ParameterException(spec.commandLine(), "--password-stdin: " + e.getMessage());
      }
    }
    char[] password = environment.passwords().read("Password: ");
    if (password == null) {
      throw new ParameterException(
          spec.commandLine(),
          "No terminal to ask for the password on: pipe it in with --password-stdin.");
    }
    if (confirm) {
      char[] again = environment.passwords().read("Password again: ");
      if (again == null || !Arrays.equals(password, again)) {
        throw new ParameterException(spec.commandLine(), "The two passwords differ.");
      }
    }
    return new String(password);
  }
}
