package dev.marketplace.buyer.screens;

import dev.marketplace.buyer.shop.Cart;
import dev.marketplace.buyer.ui.PromptView;
import dev.marketplace.buyer.ui.Tui;
import dev.marketplace.client.model.Product;

/** {@code a}: asks how many of a product, then puts them in the cart. */
final class AddToCart {

  private AddToCart() {}

  static void ask(Tui tui, Cart cart, Product product) {
    if (product.inventory() <= 0) {
      tui.error(product.name() + " is sold out.");
      return;
    }
    int inCart = cart.line(product.id()).map(line -> line.quantity()).orElse(0);
    int most = product.inventory() - inCart;
    if (most <= 0) {
      tui.error("All " + product.inventory() + " of " + product.name() + " are in the cart.");
      return;
    }
    tui.open(
        new PromptView(
            tui,
            "Add to cart",
            "How many " + product.name() + "? (1 to " + most + ")",
            "1",
            6,
            text -> problemWith(text, most),
            text -> {
              int quantity = Integer.parseInt(text);
              cart.add(product, quantity);
              tui.info(
                  "Added "
                      + quantity
                      + " × "
                      + product.name()
                      + " to the cart ("
                      + cart.items()
                      + (cart.items() == 1 ? " item, " : " items, ")
                      + Display.money(cart.total())
                      + "). c opens the cart.");
            }));
  }

  private static String problemWith(String text, int most) {
    int quantity;
    try {
      quantity = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return "A whole number, please.";
    }
    if (quantity < 1 || quantity > most) {
      return "From 1 to " + most + ", please.";
    }
    return null;
  }
}
