package dev.marketplace.seller;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Products, stock and images from the command line, in each output format, and the refusals. */
class ProductCommandsTest extends CliTest {

  @Test
  void addListShowChangeAndTakeOffSale() throws Exception {
    User seller = seller("Lamp Shop");
    Path description =
        Files.writeString(Files.createTempFile("description", ".txt"), "Warm light.\nBrass.");

    Run added =
        seller.run(
            "products",
            "add",
            "--name",
            "Desk Lamp",
            "--category",
            "Home",
            "--price",
            "1234.5",
            "--stock",
            "3",
            "--sku",
            "LAMP-1",
            "--description-file",
            description.toString());
    long id = idIn(added.out());
    Run mug =
        seller.run(
            "products",
            "add",
            "--name",
            "Mug",
            "--category",
            "Kitchen",
            "--price",
            "4",
            "--stock",
            "40");
    Run table = seller.run("products", "list");
    Run csv = seller.run("products", "list", "-o", "csv");
    Run json = seller.run("products", "list", "-o", "json", "--category", "home");
    Run show = seller.run("products", "show", Long.toString(id));
    Run updated =
        seller.run(
            "products", "update", Long.toString(id), "--price", "19.99", "--name", "Brass Lamp");
    Run off = seller.run("products", "deactivate", Long.toString(id));
    Run inactive = seller.run("products", "list", "--status", "inactive", "-o", "csv");
    Run on = seller.run("products", "activate", Long.toString(id), "-o", "json");

    assertThat(added.exit()).as(added.toString()).isZero();
    assertThat(added.out()).isEqualTo("Added product " + id + " (Desk Lamp).\n");
    assertThat(mug.exit()).isZero();
    assertThat(table.out().lines().toList())
        .first()
        .asString()
        .matches("ID +SKU +NAME +CATEGORY +PRICE +STOCK +STATUS +UPDATED");
    assertThat(table.out()).contains("LAMP-1  Desk Lamp  Home      1,234.50      3  active");
    assertThat(table.out()).contains("Mug        Kitchen       4.00     40  active");
    assertThat(csv.out().lines())
        .first()
        .isEqualTo("id,sku,name,category,price,stock,status,updated_at");
    assertThat(csv.out()).contains(id + ",LAMP-1,Desk Lamp,Home,1234.50,3,active,");
    assertThat(json.out())
        .contains("\"sku\" : \"LAMP-1\"")
        .contains("\"price\" : 1234.50")
        .doesNotContain("Mug");
    assertThat(show.out())
        .contains("Desk Lamp")
        .contains("no reviews yet")
        .contains("Warm light.\nBrass.");
    assertThat(updated.out()).isEqualTo("Updated product " + id + " (Brass Lamp).\n");
    assertThat(off.out()).isEqualTo("Product " + id + " is off sale.\n");
    assertThat(inactive.out()).contains(id + ",LAMP-1,Brass Lamp,Home,19.99,3,inactive");
    assertThat(on.out()).contains("\"is_active\" : true");
  }

  @Test
  void stockChangesAndWhatRunsLow() throws Exception {
    User seller = seller("Stock Shop");
    long kettle = seller.addProduct("Kettle", "Kitchen", "20", "5");
    long pan = seller.addProduct("Pan", "Kitchen", "30", "50");

    Run added = seller.run("stock", "add", Long.toString(kettle), "10");
    Run removed = seller.run("stock", "remove", Long.toString(kettle), "13");
    Run tooMany = seller.run("stock", "remove", Long.toString(kettle), "3");
    Run set = seller.run("stock", "set", Long.toString(pan), "7", "-o", "json");
    Run low = seller.run("stock", "low", "--below", "8");
    Run zero = seller.run("stock", "add", Long.toString(kettle), "0");

    assertThat(added.out()).isEqualTo("Product " + kettle + " (Kettle): 15 in stock.\n");
    assertThat(removed.out()).isEqualTo("Product " + kettle + " (Kettle): 2 in stock.\n");
    assertThat(tooMany.exit()).isEqualTo(1);
    assertThat(tooMany.err())
        .isEqualTo("marketplace-seller: Product " + kettle + " has 2 in stock; cannot remove 3.\n");
    assertThat(set.out()).contains("\"inventory\" : 7");
    assertThat(low.out().lines().skip(1).map(line -> line.split(" +")[0]))
        .containsExactly(Long.toString(kettle), Long.toString(pan));
    assertThat(zero.exit()).isEqualTo(2);
  }

  @Test
  void imagesAreAddedListedAndRemoved() throws Exception {
    User seller = seller("Photo Shop");
    long id = seller.addProduct("Camera", "Electronics", "300", "1");
    Path front = image(640, 480);
    Path back = image(320, 200);

    Run added = seller.run("images", "add", Long.toString(id), front.toString(), back.toString());
    Run listed = seller.run("images", "list", Long.toString(id), "-o", "csv");
    long first =
        Long.parseLong(listed.out().lines().skip(1).findFirst().orElseThrow().split(",")[0]);
    Run removed = seller.run("images", "remove", Long.toString(id), Long.toString(first));
    Run after = seller.run("images", "list", Long.toString(id));
    Run missing = seller.run("images", "add", Long.toString(id), "/no/such/file.png");
    Run notAnImage =
        seller.run(
            "images",
            "add",
            Long.toString(id),
            Files.writeString(Files.createTempFile("x", ".png"), "hello").toString());

    assertThat(added.exit()).as(added.toString()).isZero();
    assertThat(added.out()).contains("640x480").contains("320x200").contains("image/png");
    assertThat(listed.out().lines()).hasSize(3);
    assertThat(removed.out()).isEqualTo("Removed image " + first + " of product " + id + ".\n");
    assertThat(after.out()).contains("320x200").doesNotContain("640x480");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(notAnImage.exit()).isEqualTo(1);
  }

  @Test
  void anotherSellersProductAnUnknownOneAndNoSession() throws Exception {
    User owner = seller("Owner Shop");
    User other = seller("Other Shop");
    long vase = owner.addProduct("Vase", "Home", "15", "3");

    Run show = other.run("products", "show", Long.toString(vase));
    Run update = other.run("products", "update", Long.toString(vase), "--price", "1");
    Run stock = other.run("stock", "add", Long.toString(vase), "1");
    Run images = other.run("images", "list", Long.toString(vase));
    Run unknown = owner.run("products", "show", "987654321");
    Run nobody = newUser().run("products", "show", Long.toString(vase));
    Run badPrice =
        owner.run(
            "products",
            "add",
            "--name",
            "X",
            "--category",
            "Y",
            "--price",
            "1.001",
            "--stock",
            "1");
    Run notANumber = owner.run("products", "show", "twelve");

    for (Run refused : new Run[] {show, update, stock, images}) {
      assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
      assertThat(refused.err())
          .isEqualTo("marketplace-seller: Product " + vase + " belongs to another seller.\n");
    }
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).isEqualTo("marketplace-seller: Product 987654321 not found.\n");
    assertThat(nobody.exit()).isEqualTo(3);
    assertThat(badPrice.exit()).isEqualTo(1);
    assertThat(badPrice.err()).startsWith("marketplace-seller: ").doesNotContain("\tat ");
    assertThat(notANumber.exit()).isEqualTo(2);
  }

  @Test
  void colourOnlyOnATerminalAndNeverWithNoColor() throws Exception {
    User seller = seller("Colour Shop");
    seller.addProduct("Paint", "Home", "5", "0");

    Run terminal = seller.atATerminal().run("products", "list");
    Run noColor = seller.atATerminal().withVariable("NO_COLOR", "1").run("products", "list");
    Run piped = seller.run("products", "list");

    assertThat(terminal.out()).contains("\u001b[");
    assertThat(noColor.out()).doesNotContain("\u001b[");
    assertThat(piped.out()).doesNotContain("\u001b[");
    assertThat(noColor.out()).isEqualTo(piped.out());
  }

  private static Path image(int width, int height) throws Exception {
    Path file = Files.createTempFile("image", ".png");
    ImageIO.write(
        new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
    return file;
  }
}
