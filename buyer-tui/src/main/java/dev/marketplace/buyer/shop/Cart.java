package dev.marketplace.buyer.shop;

import dev.marketplace.client.model.CartLine;
import dev.marketplace.client.model.Product;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the buyer means to order, possibly from several sellers. Its checkout key is the {@code
 * Idempotency-Key} of placing it: the same while the cart stays the same, so a checkout retried
 * after a network error places the orders once; a new one as soon as the cart changes.
 */
public final class Cart {

  /** A product as it was when added, and how many of it. */
  public record Line(Product product, int quantity) {

    public BigDecimal total() {
      return product.price().multiply(BigDecimal.valueOf(quantity));
    }
  }

  private final List<Line> lines = new ArrayList<>();
  private String checkoutKey;

  public List<Line> lines() {
    return List.copyOf(lines);
  }

  public boolean isEmpty() {
    return lines.isEmpty();
  }

  /** How many items, all lines together. */
  public int items() {
    return lines.stream().mapToInt(Line::quantity).sum();
  }

  public long sellers() {
    return lines.stream().map(line -> line.product().sellerId()).distinct().count();
  }

  public BigDecimal total() {
    return lines.stream().map(Line::total).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public Optional<Line> line(long productId) {
    return lines.stream().filter(line -> line.product().id() == productId).findFirst();
  }

  /** Adds {@code quantity} of the product (to its line, if it has one already). */
  public void add(Product product, int quantity) {
    int existing = line(product.id()).map(Line::quantity).orElse(0);
    setQuantity(product, existing + quantity);
  }

  /** Sets a product's quantity; zero or less removes its line. */
  public void setQuantity(Product product, int quantity) {
    int index = indexOf(product.id());
    if (quantity <= 0) {
      if (index >= 0) {
        lines.remove(index);
      }
    } else if (index >= 0) {
      lines.set(index, new Line(lines.get(index).product(), quantity));
    } else {
      lines.add(new Line(product, quantity));
    }
    checkoutKey = null;
  }

  public void clear() {
    lines.clear();
    checkoutKey = null;
  }

  /** The lines as the checkout call takes them. */
  public List<CartLine> checkoutLines() {
    return lines.stream().map(line -> new CartLine(line.product().id(), line.quantity())).toList();
  }

  /** The Idempotency-Key of checking out the cart as it is now. */
  public String checkoutKey() {
    if (checkoutKey == null) {
      checkoutKey = "checkout-" + UUID.randomUUID();
    }
    return checkoutKey;
  }

  private int indexOf(long productId) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).product().id() == productId) {
        return i;
      }
    }
    return -1;
  }
}
