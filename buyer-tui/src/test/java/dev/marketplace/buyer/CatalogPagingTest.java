package dev.marketplace.buyer;

import static dev.marketplace.client.testing.TestProducts.product;
import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A catalog longer than a page: the next pages load as the cursor goes down, not before. */
class CatalogPagingTest extends TuiTest {

  @BeforeAll
  static void manyProducts() {
    for (int i = 1; i <= 45; i++) {
      product(homeGoods, String.format("Bulk item %02d", i), "Bulk", "500.00", 3);
    }
  }

  @Test
  void loadsPagesAsTheCursorMovesDown() throws Exception {
    try (Driver tui = Driver.start(newBuyer(marketplace.baseUrl()))) {
      tui.await("Bulk item 45");
      CatalogScreenTest.showCategory(tui, "Bulk");
      tui.type("s").await("sort: price, lowest first");
      // Same prices, so by id: the first page holds items 01 to 30; the rest come as the cursor
      // goes down.
      tui.await("Bulk item 01");
      assertThat(tui.screen()).doesNotContain("Bulk item 45");
      assertThat(tui.row(1)).as("the position, while more pages can come").contains("1 of 30+");
      // End goes to the last product loaded; pressed again once the next page is in, to its end.
      tui.awaitScreen(
          screen -> {
            tui.press(KeyType.End);
            return screen.contains("Bulk item 45");
          },
          "the last page");
      tui.await("45 of 45");
      tui.press(KeyType.Home).await("Bulk item 01");
      tui.await("1 of 45");
    }
  }
}
