package dev.marketplace.client;

import static dev.marketplace.client.testing.TestProducts.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.client.auth.Role;
import dev.marketplace.client.failure.ApiException;
import dev.marketplace.client.failure.NotSignedInException;
import dev.marketplace.client.model.CartLine;
import dev.marketplace.client.model.CatalogQuery;
import dev.marketplace.client.model.Category;
import dev.marketplace.client.model.Order;
import dev.marketplace.client.model.Page;
import dev.marketplace.client.model.Product;
import dev.marketplace.client.model.ProductChanges;
import dev.marketplace.client.model.ProductImage;
import dev.marketplace.client.model.ProductSort;
import dev.marketplace.client.model.Review;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Browsing, searching, a product's detail, images and reviews, as a buyer's client reads them. */
class CatalogTest extends ClientTest {

  private static MarketplaceClient seller;
  private static MarketplaceClient anonymous;
  private static String category;

  @BeforeAll
  static void catalog() {
    seller = signedIn(Role.SELLER, "Catalog Shop");
    anonymous = client(Role.BUYER, newStore());
    category = "Audio" + UUID.randomUUID().toString().substring(0, 6);
    product(seller, "Wireless Headphones", category, "79.99", 5);
    product(seller, "Wired Headphones", category, "19.50", 0);
    product(seller, "Headphone Stand", category, "12.00", 9);
    product(seller, "Studio Monitor Speakers", category, "249.00", 2);
  }

  @Test
  void browsesWithFiltersAndSortsAPageAtATime() {
    CatalogQuery audio = CatalogQuery.all().withCategories(List.of(category.toLowerCase()));

    List<Product> cheapestFirst =
        Pages.collect(
            cursor ->
                anonymous
                    .catalog()
                    .browse(audio.withSort(ProductSort.PRICE_ASC).withLimit(1).withCursor(cursor)),
            100);
    Page<Product> inStockUnder100 =
        anonymous
            .catalog()
            .browse(
                audio
                    .withPrices(new BigDecimal("10"), new BigDecimal("100"))
                    .withInStockOnly(true));

    assertThat(cheapestFirst)
        .extracting(Product::name)
        .containsExactly(
            "Headphone Stand",
            "Wired Headphones",
            "Wireless Headphones",
            "Studio Monitor Speakers");
    // Amounts keep their two decimals, as the server sent them, in lists too.
    assertThat(cheapestFirst.get(0).price().toPlainString()).isEqualTo("12.00");
    assertThat(inStockUnder100.items())
        .extracting(Product::name)
        .containsExactlyInAnyOrder("Wireless Headphones", "Headphone Stand");
    assertThat(inStockUnder100.hasMore()).isFalse();
  }

  @Test
  void searchToleratesTyposAndListsCategories() {
    Page<Product> found =
        anonymous
            .catalog()
            .search("hedphones", CatalogQuery.all().withCategories(List.of(category)));
    List<Category> categories = anonymous.catalog().categories();

    assertThat(found.items()).extracting(Product::name).contains("Wireless Headphones");
    assertThat(categories)
        .filteredOn(c -> c.name().equals(category))
        .singleElement()
        .satisfies(c -> assertThat(c.productCount()).isEqualTo(4));
  }

  @Test
  void productDetailHasItsRatingHistogramImagesAndReviews() throws Exception {
    Product lamp = product(seller, "Reading Lamp", "Lighting", "30.00", 10);
    ProductImage image = seller.images().add(lamp.id(), png(400, 300));
    MarketplaceClient buyer = signedIn(Role.BUYER, "Reviewer");
    Order order =
        buyer
            .buyerOrders()
            .checkout(List.of(new CartLine(lamp.id(), 1)), UUID.randomUUID().toString())
            .orders()
            .get(0);
    buyer.payments().pay(order.id(), "tok_success", UUID.randomUUID().toString());
    seller.sellerOrders().ship(order.id(), "DHL", "JD01", null);
    seller.sellerOrders().deliver(order.id(), null, null);

    Review review = buyer.catalog().review(lamp.id(), 4, "Bright enough");
    Product detail = anonymous.catalog().product(lamp.id());
    Page<Review> reviews = anonymous.catalog().reviews(lamp.id(), null, 10);
    byte[] thumbnail = anonymous.images().download(detail.images().get(0).thumbnailUrl());

    assertThat(review.rating()).isEqualTo(4);
    assertThat(detail.rating().count()).isEqualTo(1);
    assertThat(detail.rating().reviewsWith(4)).isEqualTo(1);
    assertThat(detail.rating().reviewsWith(5)).isZero();
    assertThat(detail.rating().average()).isEqualByComparingTo("4.00");
    assertThat(detail.images()).extracting(ProductImage::id).containsExactly(image.id());
    assertThat(image.width()).isEqualTo(400);
    assertThat(thumbnail).isNotEmpty();
    assertThat(reviews.items()).extracting(Review::comment).containsExactly("Bright enough");

    seller.images().remove(lamp.id(), image.id());
    assertThat(anonymous.catalog().product(lamp.id()).images()).isEmpty();
  }

  @Test
  void unknownAndInactiveProductsAreNotFound() {
    Product hidden = product(seller, "Hidden", "Misc", "1.00", 1);
    seller.sellerProducts().update(hidden.id(), ProductChanges.none().withActive(false));

    assertThatThrownBy(() -> anonymous.catalog().product(hidden.id()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThatThrownBy(() -> anonymous.catalog().product(987654321L))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.getMessage()).isEqualTo("Product 987654321 not found."));
  }

  @Test
  void reviewingNeedsABuyerWhoReceivedTheProduct() {
    Product mug = product(seller, "Mug", "Kitchen", "5.00", 3);
    MarketplaceClient stranger = signedIn(Role.BUYER, "Stranger");

    assertThatThrownBy(() -> stranger.catalog().review(mug.id(), 5, null))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
    assertThatThrownBy(() -> anonymous.catalog().review(mug.id(), 5, null))
        .isInstanceOf(NotSignedInException.class);
  }

  static Path png(int width, int height) throws Exception {
    Path file = Files.createTempFile("image", ".png");
    ImageIO.write(
        new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
    return file;
  }
}
