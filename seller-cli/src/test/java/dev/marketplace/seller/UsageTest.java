package dev.marketplace.seller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.client.model.OrderStatus;
import dev.marketplace.seller.command.Environment;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The help of every command, and every usage error, names what each option takes in words a seller
 * can read; no server is needed for either.
 */
class UsageTest {

  private final StringWriter err = new StringWriter();
  private final Environment environment =
      new Environment(
          Map.of(),
          new ByteArrayInputStream(new byte[0]),
          new PrintWriter(new StringWriter()),
          new PrintWriter(err),
          prompt -> null,
          ZoneOffset.UTC,
          false);

  @Test
  void everyOptionValueHasAReadableLabel() {
    Set<String> unnamed = new TreeSet<>();
    collect(SellerCli.commandLine(environment), unnamed);
    // Options declared on command methods show "<arg0>" unless they carry a paramLabel.
    assertEquals(Set.of(), unnamed);
  }

  @Test
  void choicesAreReadInAnyCaseAndNamedInLowerCase() {
    ParseResult parsed =
        SellerCli.commandLine(environment).parseArgs("orders", "list", "--status", "Shipped");
    assertEquals(
        OrderStatus.SHIPPED, parsed.subcommand().subcommand().matchedOptionValue("--status", null));

    int exit = SellerCli.run(environment, "analytics", "--by", "year");

    assertEquals(2, exit);
    assertTrue(
        err.toString().contains("by must be one of day, week, month, not \"year\""),
        err.toString());
  }

  /**
   * The root's help, version, a missing or mistyped command are answered without reading every
   * command's options (the start-up of {@code --help}); the help and version alone without picocli
   * at all, from the text the build rendered. A person sees exactly what the whole tree would
   * print, in colour or not.
   */
  @ParameterizedTest
  @CsvSource({
    "--help, false",
    "--help, true",
    "-h, false",
    "-h, true",
    "--version, false",
    "-V, true",
    "'', false",
    "prodcts, false",
    "--server=http://x --help, false",
    "--server=http://x --help, true"
  })
  void theRootAloneAnswersAsTheWholeTreeWould(String line, boolean colour) {
    String[] args = line.isEmpty() ? new String[0] : line.split(" ");
    StringWriter wholeOut = new StringWriter();
    StringWriter wholeErr = new StringWriter();
    int wholeExit =
        SellerCli.commandLine(printingTo(wholeOut, wholeErr, colour)).execute(args.clone());
    StringWriter rootOut = new StringWriter();
    StringWriter rootErr = new StringWriter();

    int rootExit = SellerCli.run(printingTo(rootOut, rootErr, colour), args.clone());

    assertEquals(wholeOut.toString(), rootOut.toString());
    assertEquals(wholeErr.toString(), rootErr.toString());
    assertEquals(wholeExit, rootExit);
    assertTrue(!(rootOut.toString() + rootErr).isBlank(), "nothing printed for '" + line + "'");
    if (line.endsWith("--help") || line.equals("-h")) {
      assertEquals(colour, rootOut.toString().contains("\u001B["), "colour of '" + line + "'");
    }
  }

  private static Environment printingTo(StringWriter out, StringWriter err, boolean colour) {
    return new Environment(
        Map.of(),
        new ByteArrayInputStream(new byte[0]),
        new PrintWriter(out),
        new PrintWriter(err),
        prompt -> null,
        ZoneOffset.UTC,
        colour);
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
