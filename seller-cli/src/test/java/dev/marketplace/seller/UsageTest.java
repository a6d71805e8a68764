package dev.marketplace.seller;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The help of every command names what each option takes in words a seller can read. */
class UsageTest {

  @Test
  void everyOptionValueHasAReadableLabel() {
    Environment environment =
        new Environment(
            Map.of(),
            new ByteArrayInputStream(new byte[0]),
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            prompt -> null,
            ZoneOffset.UTC,
            false);
    Set<String> unnamed = new TreeSet<>();
    collect(SellerCli.commandLine(environment), unnamed);
    // Options declared on command methods show "<arg0>" unless they carry a paramLabel.
    assertEquals(Set.of(), unnamed);
  }

  private static void collect(CommandLine command, Set<String> unnamed) {
    String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
    if (usage.contains("<arg")) {
      unnamed.add(command.getCommandSpec().qualifiedName());
    }
    // Aliases list a command again; the set keeps each once.
    command.getSubcommands().values().forEach(sub -> collect(sub, unnamed));
  }
}
