package dev.marketplace.seller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.common.testing.LoopbackPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every message a seller reads says what to do in their words, with the exit code that goes with
 * it: 2 for input that is wrong here, 4 for a server that does not answer, whatever the session.
 */
class WordsTest extends CliTest {

  @Test
  void aPriceThatIsNotANumberSaysWhatANumberLooksLike() throws Exception {
    Run run =
        newUser()
            .run(
                "products",
                "add",
                "--name",
                "Lamp",
                "--category",
                "Home",
                "--price",
                "12,50",
                "--stock",
                "3");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains("price must be a number like 12.50")
        .doesNotContain("BigDecimal")
        .doesNotContain("Exception");
  }

  @Test
  void aMistypedCommandGetsTheDidYouMeanLineAlone() throws Exception {
    Run run = newUser().run("prodcts", "list");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("Did you mean").contains("products").doesNotContain("Unmatched");
  }

  @Test
  void whatACommandDoesNotTakeIsNamedWithWhatItTakes() throws Exception {
    User user = newUser();

    Run subcommand = user.run("stock", "take", "1", "500");
    Run option = user.run("login", "--email", "ada@example.com", "--password", "secret");
    Run extra = user.run("whoami", "now");
    Run choice = user.run("orders", "list", "--status", "bogus");
    Run tooLarge = user.run("stock", "set", "1", "3000000000");

    assertThat(List.of(subcommand, option, extra, choice, tooLarge))
        .allSatisfy(run -> assertThat(run.exit()).isEqualTo(2))
        .allSatisfy(
            run ->
                assertThat(run.err())
                    .doesNotContain("Unmatched")
                    .doesNotContain("expected one of")
                    .doesNotContain("but was"));
    assertThat(subcommand.err())
        .contains("'take' is not a command of marketplace-seller stock; its commands: ");
    assertThat(option.err())
        .contains("unknown option --password")
        .contains("--password-stdin")
        .doesNotContain("'secret'");
    assertThat(extra.err()).contains("unexpected argument 'now'");
    assertThat(choice.err())
        .contains(
            "status must be one of pending, processing, shipped, delivered, completed, cancelled,"
                + " not \"bogus\"");
    assertThat(tooLarge.err()).contains("must be at most 2147483647, not 3000000000");
  }

  @Test
  void wrongLocalInputExitsWithTwo() throws Exception {
    User user = newUser();

    Run date = user.run("analytics", "--from", "2026-13-01");
    Run zone = user.run("analytics", "--tz", "Mars/Olympus");
    Run email =
        user.runWithInput(
            "long-enough\n", "login", "--email", "not-an-address", "--password-stdin");

    assertThat(date.exit()).isEqualTo(2);
    assertThat(date.err()).contains("from must be a date like 2026-11-24").doesNotContain("java");
    assertThat(zone.exit()).isEqualTo(2);
    assertThat(zone.err()).contains("there is no time zone \"Mars/Olympus\"");
    assertThat(email.exit()).isEqualTo(2);
    assertThat(email.err()).contains("email must be an address like ada@example.com");
  }

  @Test
  void nothingAnsweringExitsWithFourEvenWithoutASession() throws Exception {
    String nowhere = "http://127.0.0.1:" + LoopbackPorts.take();

    Run run = newUser().run("--server", nowhere, "whoami");

    assertThat(run.exit()).as(run.toString()).isEqualTo(4);
    assertThat(run.err()).doesNotContain("Not signed in");
  }

  @Test
  void aFileThatCannotBeReadIsNamedWithTheReason() throws Exception {
    Path missing = Files.createTempDirectory("words").resolve("products.csv");

    Run run = seller("Missing File Shop").run("products", "import", missing.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains("Cannot read " + missing + ": there is no such file.")
        .doesNotContain(missing + ": " + missing);
  }

  @Test
  void aQuoteNeverClosedIsReportedOnItsLineAndTheLinesAfterItAreStillRead() throws Exception {
    Path file =
        Files.writeString(
            Files.createTempFile("quote", ".csv"),
            "sku,name,category,description,price,stock,active\n"
                + "Q-1,Lamp,Home,,9.50,3,true\n"
                + "Q-2,\"Chair,Home,,20,1,true\n"
                + "Q-3,Desk,Home,,99,2,true\n"
                + "Q-4,Stool,Home,,12,50,2,true\n");

    Run run = seller("Quote Shop").run("products", "import", file.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .containsPattern("3 +failed +a quote opened here is never closed")
        .containsPattern("4 +Q-3 +created")
        .containsPattern("5 +failed +has 8 fields where the header has 7")
        .doesNotContain("EOF reached");
  }

  @Test
  void aLineWithAPriceLikeTwelveCommaFiftySaysWhatANumberLooksLike() throws Exception {
    Path file =
        Files.writeString(
            Files.createTempFile("comma", ".csv"),
            "sku,name,category,description,price,stock,active\n"
                + "C-1,Lamp,Home,,\"12,50\",3,true\n"
                + "C-2,Desk,Home,,12.50,3,true\n");

    Run run = seller("Comma Shop").run("products", "import", file.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains("price must be a number like 12.50")
        .containsPattern("3 +C-2 +created")
        .doesNotContain("NumberFormatException");
  }

  @Test
  void removingAnImageThatIsNotThereNamesTheProductAndTheImage() throws Exception {
    User seller = seller("Imageless Shop");
    long product = seller.addProduct("Lamp", "Home", "9.00", "1");

    Run run = seller.run("images", "remove", Long.toString(product), "2");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .contains("Image 2 is not an image of your product " + product + ".")
        .doesNotContain("one of your products");
  }
}
