package dev.marketplace.seller.account;

import dev.marketplace.seller.command.Usage;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;

/** An e-mail address that cannot be one is a usage error here, before anything is sent. */
final class EmailSyntax {

  private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private EmailSyntax() {}

  static String check(CommandSpec spec, String email) {
    if (!ADDRESS.matcher(email.strip()).matches()) {
      throw Usage.error(
          spec, "email must be an address like ada@example.com, not \"" + email + "\"");
    }
    return email.strip();
  }
}
