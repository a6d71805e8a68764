package dev.marketplace.buyer;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyType;
import dev.marketplace.buyer.ui.Theme;
import dev.marketplace.client.MarketplaceClient;
import dev.marketplace.client.auth.Role;
import dev.marketplace.client.model.Product;
import dev.marketplace.client.testing.TestProducts;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog, signed out: categories, search with a typo, filters, sorts, pages, resizing. */
class CatalogScreenTest extends TuiTest {

  @Test
  void opensOnTheCatalogWithoutSignIn() throws Exception {
    try (Driver tui = Driver.start(newBuyer(marketplace.baseUrl()))) {
      tui.await("Wireless Headphones");
      String screen = tui.await("Electronics");
      assertThat(screen).contains("Marketplace › Catalog").contains("not signed in");
      assertThat(tui.row(tui.rowOf("Electronics"))).contains("Electronics").contains(" 3 │");
      assertThat(tui.row(tui.rowOf("Wireless Headphones")))
          .contains("79.99")
          .contains("no reviews")
          .contains("12 left");
      assertThat(tui.row(tui.rowOf("Mechanical Keyboard"))).contains("sold out");
      assertThat(tui.row(23))
          .contains("/ search")
          .contains("o orders")
          .contains("? help")
          .contains("q quit");
    }
  }

  @Test
  void findsAProductByAMisspeltSearchAndQuitsWithQ() throws Exception {
    try (Driver tui = Driver.start(newBuyer(marketplace.baseUrl()))) {
      tui.await("Desk Lamp");
      tui.type("/").await("Search the catalog");
      tui.type("hedphones").press(KeyType.Enter);
      String found = tui.await("Search \"hedphones\"");
      tui.awaitGone("Desk Lamp");
      assertThat(tui.await("Wireless Headphones")).doesNotContain("Ceramic Mug");
      assertThat(found).contains("sort: relevance");

      tui.type("q");
      tui.awaitExit();
    }
  }

  @Test
  void theSearchPromptOffersTheLastSearchSelectedSoTypingReplacesIt() throws Exception {
    try (Driver tui = Driver.start(newBuyer(marketplace.baseUrl()))) {
      tui.await("Desk Lamp");
      tui.type("/lamp").press(KeyType.Enter).await("Search \"lamp\"");
      tui.type("/").await("Search the catalog");
      tui.type("mug").press(KeyType.Enter);
      tui.await("Search \"mug\"");
      tui.await("Ceramic Mug");

      // An arrow key keeps the old text for editing instead.
      tui.type("/").await("Search the catalog");
      tui.press(KeyType.End).type("s").press(KeyType.Enter);
      tui.await("Search \"mugs\"");
    }
  }

  @Test
  void escapeClearsTheSearch() throws Exception {
    try (Driver tui = Driver.start(newBuyer(marketplace.baseUrl()))) {
      tui.await("Desk Lamp");
      tui.type("/lamp").press(KeyType.Enter).awaitGone("Ceramic Mug");
      tui.press(KeyType.Escape).await("All products");
      tui.await("Ceramic Mug");
      assertThat(tui.running()).isTrue();
    }
  }

  @Test
  void filtersByPriceAndStock() throws Exception {
    try (Driver tui = Driver.start(newBuyer(marketplace.baseUrl()))) {
      tui.await("Desk Lamp");
      tui.type("f").await("Lowest price");
      tui.press(KeyType.Tab).type("30").press(KeyType.Tab).press(KeyType.Tab).type(" ");
      tui.press(KeyType.Enter).await("filters: –30.00, in stock");
      tui.awaitGone("Desk Lamp");
      String screen = tui.await("Ceramic Mug");
      assertThat(screen)
          .contains("USB-C Charger")
          .doesNotContain("Wireless Headphones")
          .doesNotContain("Mechanical Keyboard");

      tui.type("f").await("Lowest price");
      tui.type("50").press(KeyType.Enter).await("The lowest price is above the highest.");
    }
  }

  @Test
  void sortsByPriceBothWays() throws Exception {
    try (Driver tui = Driver.start(newBuyer(marketplace.baseUrl()))) {
      tui.await("Desk Lamp");
      showCategory(tui, "Electronics");
      tui.type("s").await("sort: price, lowest first");
      tui.await("USB-C Charger");
      assertThat(tui.rowOf("USB-C Charger")).isLessThan(tui.rowOf("Wireless Headphones"));
      assertThat(tui.rowOf("Wireless Headphones")).isLessThan(tui.rowOf("Mechanical Keyboard"));

      tui.type("s").await("sort: price, highest first");
      tui.awaitScreen(
          screen -> screen.indexOf("Mechanical Keyboard") < screen.indexOf("USB-C Charger"),
          "the dearest first");
      assertThat(tui.rowOf("Wireless Headphones")).isLessThan(tui.rowOf("USB-C Charger"));
    }
  }

  @Test
  void helpListsTheKeysAndEscapeClosesIt() throws Exception {
    try (Driver tui = Driver.start(newBuyer(marketplace.baseUrl()))) {
      tui.await("Desk Lamp");
      String help = tui.type("?").await("Keys: Catalog");
      assertThat(help).contains("search").contains("filter").contains("Ctrl-C");
      tui.press(KeyType.Escape).awaitGone("Keys: Catalog");
      tui.press(KeyType.Escape).await("Press q to quit.");
      assertThat(tui.running()).isTrue();
    }
  }

  @Test
  void theHelpStaysReadableAt60x15() throws Exception {
    try (Driver tui = Driver.start(newBuyer(marketplace.baseUrl()), Theme.colour(), 60, 15)) {
      tui.await("Desk Lamp");
      String top = tui.type("?").await("Keys: Catalog");
      assertThat(top).contains("scroll (1–").contains("search (typos are forgiven)");
      StringBuilder seen = new StringBuilder(top);
      String screen = top;
      while (!screen.contains("quit from anywhere")) {
        String before = scrollPosition(screen);
        screen =
            tui.press(KeyType.ArrowDown)
                .awaitScreen(now -> !scrollPosition(now).equals(before), "the help to scroll");
        seen.append(screen);
      }
      String all = seen.toString();
      // The longest explanation wraps under its key instead of being cut off.
      assertThat(all).contains("filter: price range, minimum rating,").contains("stock only");
      assertThat(tui.await("quit from anywhere")).contains("Ctrl-C");
      tui.press(KeyType.Escape).awaitGone("Keys: Catalog");
    }
  }

  @Test
  void redrawsWhenTheTerminalIsResized() throws Exception {
    try (Driver tui = Driver.start(newBuyer(marketplace.baseUrl()))) {
      tui.await("Desk Lamp");
      tui.terminal().setTerminalSize(new TerminalSize(120, 40));
      tui.awaitScreen(screen -> tui.row(39).contains("? help"), "the hints on the last row");
      assertThat(tui.row(0).stripTrailing()).hasSize(119).endsWith("not signed in");
      tui.terminal().setTerminalSize(new TerminalSize(80, 24));
      tui.awaitScreen(screen -> tui.row(23).contains("? help"), "the hints on the last row");
      assertThat(tui.row(0).stripTrailing()).hasSize(79).endsWith("not signed in");
      assertThat(tui.screen()).contains("Wireless Headphones");
    }
  }

  @Test
  void withNoColorItUsesNoColour() throws Exception {
    Theme plain = Theme.forEnvironment(Map.of("NO_COLOR", "1", "TERM", "xterm-256color"), false);
    try (Driver tui = Driver.start(newBuyer(marketplace.baseUrl()), plain, 80, 24)) {
      tui.await("Desk Lamp");
      for (int row = 0; row < 24; row++) {
        for (int column = 0; column < 80; column++) {
          TextCharacter cell = tui.cell(column, row);
          assertThat(cell.getForegroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
          assertThat(cell.getBackgroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
        }
      }
      // The header and the cursor's row still stand out, in reverse video.
      assertThat(tui.cell(1, 0).isReversed()).isTrue();
    }
    assertThat(Theme.forEnvironment(Map.of("TERM", "xterm-256color"), false).hasColour()).isTrue();
    assertThat(Theme.forEnvironment(Map.of("TERM", "dumb"), false).hasColour()).isFalse();
    assertThat(Theme.forEnvironment(Map.of("TERM", "xterm"), true).hasColour()).isFalse();
  }

  @Test
  void aProductWithImagesSaysSo(@TempDir Path folder) throws Exception {
    Product kettle = TestProducts.product(gadgetHut, "Photo Kettle", "Kitchen", "39.00", 4);
    Path photo = folder.resolve("kettle.png");
    ImageIO.write(new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB), "png", photo.toFile());
    gadgetHut.images().add(kettle.id(), photo);
    gadgetHut.images().add(kettle.id(), photo);

    try (Driver tui = Driver.start(newBuyer(marketplace.baseUrl()))) {
      PurchaseTest.selectRow(tui, "Photo Kettle");
      tui.press(KeyType.Enter).await("2 photos");
      tui.press(KeyType.Escape);
      PurchaseTest.selectRow(tui, "Desk Lamp");
      String lamp = tui.press(KeyType.Enter).await("Price 34.90");
      assertThat(lamp).doesNotContain("photo");
    }
  }

  @Test
  void reloadingRefreshesTheCategoryCountsWithTheList() throws Exception {
    try (Driver tui = Driver.start(newBuyer(marketplace.baseUrl()))) {
      tui.await("Desk Lamp");
      assertThat(tui.screen()).doesNotContain("Garden");
      TestProducts.product(gadgetHut, "Watering Can", "Garden", "12.00", 6);
      tui.type("r").await("Watering Can");
      assertThat(tui.row(tui.rowOf("Garden"))).contains(" 1 │");
    }
  }

  @Test
  void aSignedInBuyerSignsOutWithL() throws Exception {
    MarketplaceClient buyer = signedIn(Role.BUYER, "Leaving Buyer", marketplace.baseUrl());
    try (Driver tui = Driver.start(buyer)) {
      tui.await("Leaving Buyer");
      tui.await("● live");
      tui.type("L").await("not signed in");
      tui.await("Signed out.");
      assertThat(tui.screen()).doesNotContain("● live");
    }
    assertThat(buyer.accounts().session()).isEmpty();
  }

  @Test
  void ctrlCQuitsFromADialog() throws Exception {
    try (Driver tui = Driver.start(newBuyer(marketplace.baseUrl()))) {
      tui.await("Desk Lamp");
      tui.type("/").await("Search the catalog");
      tui.ctrl('c');
      tui.awaitExit();
    }
  }

  private static String scrollPosition(String screen) {
    int at = screen.indexOf("scroll (");
    return at < 0 ? "" : screen.substring(at, screen.indexOf(')', at));
  }

  static void showCategory(Driver tui, String name) {
    // The categories load beside the products: wait for the category's own line (a product's name
    // may hold the word already), or the rows counted below are those of an empty list.
    tui.awaitScreen(
        screen -> tui.rowStarting("▸All") >= 0 && tui.rowStarting(" " + name + " ") >= 0,
        "the category " + name + " in the list");
    tui.press(KeyType.Tab);
    int row = tui.rowStarting("▸All");
    int target = tui.rowStarting(" " + name + " ");
    tui.press(KeyType.ArrowDown, target - row).press(KeyType.Enter);
    tui.await("Catalog › " + name);
  }
}
