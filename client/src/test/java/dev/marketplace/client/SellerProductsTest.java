package dev.marketplace.client;

import static dev.marketplace.client.testing.TestProducts.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.client.auth.Role;
import dev.marketplace.client.failure.ApiException;
import dev.marketplace.client.model.ImportOutcome;
import dev.marketplace.client.model.NewProduct;
import dev.marketplace.client.model.Product;
import dev.marketplace.client.model.ProductChanges;
import dev.marketplace.client.model.ProductUpsert;
import dev.marketplace.client.model.SellerProductQuery;
import dev.marketplace.client.model.SellerProductQuery.Status;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A seller's own products through the client: SKUs, stock, puts by SKU and the listing. */
class SellerProductsTest extends ClientTest {

  @Test
  void listsFiltersAndPagesTheSellersOwnProducts() {
    MarketplaceClient seller = signedIn(Role.SELLER, "Listing Shop");
    Product a = product(seller, "A", "Home", "1.00", 0);
    Product b = product(seller, "B", "Garden", "2.00", 30);
    Product c = product(seller, "C", "Home", "3.00", 4);
    seller.sellerProducts().update(c.id(), ProductChanges.none().withActive(false));

    List<Product> all =
        Pages.collect(
            cursor ->
                seller
                    .sellerProducts()
                    .list(SellerProductQuery.all().withLimit(2).withCursor(cursor)),
            100);
    List<Product> lowActiveHome =
        seller
            .sellerProducts()
            .list(
                SellerProductQuery.all()
                    .withStatus(Status.ACTIVE)
                    .withCategory("home")
                    .withStockBelow(5))
            .items();

    assertThat(all).extracting(Product::id).containsExactly(a.id(), b.id(), c.id());
    assertThat(lowActiveHome).extracting(Product::id).containsExactly(a.id());
    assertThat(seller.sellerProducts().get(c.id()).active()).isFalse();
  }

  @Test
  void stockMovesRelativelyAndPutsBySkuAreIdempotent() {
    MarketplaceClient seller = signedIn(Role.SELLER, "Sku Shop");
    Product lamp =
        seller
            .sellerProducts()
            .create(
                new NewProduct("LAMP-1", "Lamp", "Home", null, new BigDecimal("9.99"), 5, null));

    assertThat(lamp.sku()).isEqualTo("LAMP-1");
    assertThat(seller.sellerProducts().adjustStock(lamp.id(), 7).inventory()).isEqualTo(12);
    assertThat(seller.sellerProducts().adjustStock(lamp.id(), -2).inventory()).isEqualTo(10);
    assertThatThrownBy(() -> seller.sellerProducts().adjustStock(lamp.id(), -11))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.error()).isEqualTo("insufficient_inventory"));

    NewProduct chair =
        new NewProduct(null, "Chair", "Home", "Oak", new BigDecimal("80.00"), 2, true);
    ProductUpsert created = seller.sellerProducts().putBySku("CHAIR-1", chair);
    ProductUpsert again = seller.sellerProducts().putBySku("CHAIR-1", chair);
    ProductUpsert changed =
        seller
            .sellerProducts()
            .putBySku(
                "CHAIR-1",
                new NewProduct(null, "Chair", "Home", "Oak", new BigDecimal("75"), 2, true));

    assertThat(created.outcome()).isEqualTo(ImportOutcome.CREATED);
    assertThat(again.outcome()).isEqualTo(ImportOutcome.UNCHANGED);
    assertThat(changed.outcome()).isEqualTo(ImportOutcome.UPDATED);
    assertThat(changed.product().id()).isEqualTo(created.product().id());
    assertThatThrownBy(
            () ->
                seller
                    .sellerProducts()
                    .update(created.product().id(), ProductChanges.none().withSku("LAMP-1")))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.error()).isEqualTo("duplicate"));
  }

  @Test
  void anotherSellersProductIsRefused() {
    MarketplaceClient owner = signedIn(Role.SELLER, "Owner Shop");
    MarketplaceClient other = signedIn(Role.SELLER, "Other Shop");
    Product vase = product(owner, "Vase", "Home", "15.00", 3);

    assertThatThrownBy(() -> other.sellerProducts().get(vase.id()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
    assertThatThrownBy(() -> other.sellerProducts().adjustStock(vase.id(), 1))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
    assertThatThrownBy(
            () -> other.sellerProducts().update(vase.id(), ProductChanges.none().withName("Mine")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
  }
}
