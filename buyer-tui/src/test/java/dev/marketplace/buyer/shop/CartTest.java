package dev.marketplace.buyer.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.client.model.CartLine;
import dev.marketplace.client.model.Product;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The cart's lines, total, and the Idempotency-Key of checking it out. */
class CartTest {

  private static Product product(long id, long sellerId, String price) {
    return new Product(
        id,
        sellerId,
        "Seller " + sellerId,
        null,
        "Product " + id,
        "Home",
        null,
        new BigDecimal(price),
        10,
        true,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void addsToALineAndTotalsExactly() {
    Cart cart = new Cart();
    Product a = product(1, 7, "0.10");
    cart.add(a, 1);
    cart.add(a, 2);
    cart.add(product(2, 8, "0.20"), 1);
    assertThat(cart.lines()).hasSize(2);
    assertThat(cart.items()).isEqualTo(4);
    assertThat(cart.sellers()).isEqualTo(2);
    assertThat(cart.total()).isEqualByComparingTo("0.50");
    assertThat(cart.checkoutLines()).containsExactly(new CartLine(1, 3), new CartLine(2, 1));
  }

  @Test
  void theCheckoutKeyStaysWhileTheCartDoesAndChangesWithIt() {
    Cart cart = new Cart();
    Product a = product(1, 7, "5.00");
    cart.add(a, 1);
    String first = cart.checkoutKey();
    assertThat(cart.checkoutKey()).isEqualTo(first);

    cart.setQuantity(a, 2);
    String second = cart.checkoutKey();
    assertThat(second).isNotEqualTo(first);

    cart.setQuantity(a, 0);
    assertThat(cart.isEmpty()).isTrue();
    cart.add(a, 2);
    assertThat(cart.checkoutKey()).isNotEqualTo(second);
    cart.clear();
    assertThat(cart.lines()).isEmpty();
  }
}
