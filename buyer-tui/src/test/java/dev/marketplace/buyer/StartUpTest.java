package dev.marketplace.buyer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What a person reads when the buyer's app cannot start: one line each, never a stack trace. */
class StartUpTest {

  @Test
  void wrongUsageIsOneLineAndWhereTheHelpIs() {
    StringWriter unknownOption = new StringWriter();
    StringWriter extraArgument = new StringWriter();

    int option = run(unknownOption, "--bogus");
    int argument = run(extraArgument, "catalog");

    assertThat(option).isEqualTo(2);
    assertThat(unknownOption.toString())
        .startsWith("marketplace-buyer: unknown option --bogus")
        .contains("See 'marketplace-buyer --help'.")
        .doesNotContain("Usage:");
    assertThat(argument).isEqualTo(2);
    assertThat(extraArgument.toString())
        .startsWith("marketplace-buyer: unexpected argument 'catalog'")
        .doesNotContain("Unmatched");
  }

  @Test
  void withoutATerminalItSaysSoInsteadOfAStackTrace() throws Exception {
    // setsid: a new session, so the process has no controlling terminal, as under cron or a pipe.
    Process app =
        new ProcessBuilder(
                "setsid",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                BuyerTuiCommand.class.getName(),
                "--server",
                "http://127.0.0.1:9")
            .redirectInput(new File("/dev/null"))
            .redirectErrorStream(true)
            .start();
    String output = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(app.exitValue()).as(output).isEqualTo(2);
    assertThat(output)
        .contains("marketplace-buyer: there is no terminal to draw on here")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  private static int run(StringWriter err, String... args) {
    CommandLine cli = BuyerTuiCommand.commandLine();
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }
}
