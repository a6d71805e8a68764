package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reviews: only from buyers who received the product, one each, with an exact summary. */
class ReviewTest extends ApiTest {

  @Test
  void onlyABuyerWhoReceivedTheProductMayReviewIt() {
    Account seller = fixtures.seller("Review Shop");
    Account receiver = fixtures.buyer("Receiver");
    Account waiting = fixtures.buyer("Waiting");
    long productId =
        fixtures.product(seller, "Headphones", "Electronics", "80.00", 10).getLong("id");
    fixtures.deliver(seller, receiver, productId);
    fixtures.order(waiting, productId, 1);
    String path = "/api/buyers/products/" + productId + "/reviews";
    JsonObject review = new JsonObject().put("rating", 5).put("comment", "Great");

    assertThat(waiting.api().post(path, review).status()).isEqualTo(403);
    assertThat(seller.api().post(path, review).status()).as("sellers do not review").isEqualTo(403);
    assertThat(api.post(path, review).status()).isEqualTo(401);
    ApiResponse written = receiver.api().post(path, review);
    assertThat(written.status()).isEqualTo(201);
    assertThat(written.json().getString("buyer_name")).isEqualTo("Receiver");
    assertThat(receiver.api().post("/api/buyers/products/987654321/reviews", review).status())
        .isEqualTo(404);
    for (int rating : new int[] {0, 6}) {
      assertThat(receiver.api().post(path, new JsonObject().put("rating", rating)).status())
          .isEqualTo(400);
    }
  }

  @Test
  void writingAgainEditsTheOneReviewAndTheSummaryFollows() {
    Account seller = fixtures.seller("Edit Review Shop");
    Account first = fixtures.buyer("First Reviewer");
    Account second = fixtures.buyer("Second Reviewer");
    long productId = fixtures.product(seller, "Kettle", "Home", "30.00", 10).getLong("id");
    fixtures.deliver(seller, first, productId);
    fixtures.deliver(seller, second, productId);
    String path = "/api/buyers/products/" + productId + "/reviews";

    first.api().post(path, new JsonObject().put("rating", 2).put("comment", "Leaks"));
    second.api().post(path, new JsonObject().put("rating", 5));
    ApiResponse edited =
        first.api().post(path, new JsonObject().put("rating", 4).put("comment", "Fixed"));

    assertThat(edited.status()).isEqualTo(200);
    JsonObject rating = api.get("/api/buyers/products/" + productId).json().getJsonObject("rating");
    assertThat(rating.getInteger("count")).isEqualTo(2);
    assertThat(rating.getValue("average").toString()).isEqualTo("4.5");
    assertThat(rating.getJsonObject("histogram").getLong("4")).isEqualTo(1);
    assertThat(rating.getJsonObject("histogram").getLong("2")).isZero();
    JsonObject list = api.get(path).json();
    assertThat(list.getJsonArray("reviews")).hasSize(2);
    assertThat(list.getJsonArray("reviews").getJsonObject(1).getString("comment"))
        .isEqualTo("Fixed");
  }

  @Test
  void concurrentReviewsKeepTheAverageExact() throws Exception {
    Account seller = fixtures.seller("Busy Review Shop");
    long productId = fixtures.product(seller, "Toaster", "Home", "40.00", 100).getLong("id");
    List<Account> buyers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Account buyer = fixtures.buyer("Concurrent Reviewer " + i);
      fixtures.deliver(seller, buyer, productId);
      buyers.add(buyer);
    }

    List<Future<HttpResponse<Buffer>>> writes = new ArrayList<>();
    for (int i = 0; i < buyers.size(); i++) {
      writes.add(
          buyers
              .get(i)
              .api()
              .sendAsync(
                  HttpMethod.POST,
                  "/api/buyers/products/" + productId + "/reviews",
                  new JsonObject().put("rating", 1 + i % 5)));
    }
    Future.all(writes).await();

    assertThat(writes).allSatisfy(w -> assertThat(w.result().statusCode()).isEqualTo(201));
    assertThat(database.queryLong("SELECT rating_count FROM products WHERE id = " + productId))
        .isEqualTo(8);
    assertThat(database.queryLong("SELECT rating_sum FROM products WHERE id = " + productId))
        .isEqualTo(
            database.queryLong(
                "SELECT sum(rating) FROM product_reviews WHERE product_id = " + productId));
    assertThat(
            database.queryString("SELECT rating_avg::text FROM products WHERE id = " + productId))
        .as("21 / 8, rounded half up")
        .isEqualTo("2.63");
  }

  @Test
  void reviewsComeNewestFirstAPageAtATime() {
    Account seller = fixtures.seller("Paged Review Shop");
    long productId = fixtures.product(seller, "Mixer", "Home", "60.00", 10).getLong("id");
    List<Long> written = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Account buyer = fixtures.buyer("Paged Reviewer " + i);
      fixtures.deliver(seller, buyer, productId);
      written.add(
          buyer
              .api()
              .post(
                  "/api/buyers/products/" + productId + "/reviews",
                  new JsonObject().put("rating", 3))
              .json()
              .getLong("id"));
    }
    String path = "/api/buyers/products/" + productId + "/reviews?limit=2";

    JsonObject first = api.get(path).json();
    JsonObject second = api.get(path + "&cursor=" + first.getString("next_cursor")).json();

    assertThat(CatalogApiTest.ids(first.getJsonArray("reviews")))
        .containsExactly(written.get(2), written.get(1));
    assertThat(CatalogApiTest.ids(second.getJsonArray("reviews"))).containsExactly(written.get(0));
    assertThat(second.getString("next_cursor")).isNull();
  }
}
