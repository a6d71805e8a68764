package dev.marketplace.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.marketplace.client.failure.ErrorCode;
import dev.marketplace.client.http.Json;
import dev.marketplace.client.model.Category;
import dev.marketplace.client.model.Checkout;
import dev.marketplace.client.model.Order;
import dev.marketplace.client.model.OrderEvent;
import dev.marketplace.client.model.OrderEventKind;
import dev.marketplace.client.model.OrderItem;
import dev.marketplace.client.model.OrderStatus;
import dev.marketplace.client.model.Payment;
import dev.marketplace.client.model.PaymentStatus;
import dev.marketplace.client.model.Product;
import dev.marketplace.client.model.ProductImage;
import dev.marketplace.client.model.ProductUpsert;
import dev.marketplace.client.model.Rating;
import dev.marketplace.client.model.ReportQuery.Granularity;
import dev.marketplace.client.model.Review;
import dev.marketplace.client.model.SalesReport;
import dev.marketplace.client.model.User;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every record the client reads has exactly the fields of its schema in the contract: a field the
 * contract adds, renames or drops fails here until the client follows. (The other tests check each
 * answer the server really gives against the same contract.)
 */
class ContractCoverageTest extends ClientTest {

  @Test
  void everyRecordMatchesItsSchema() {
    JsonObject contract = ClientTest.contract.contract().getRawContract();
    String categories =
        "/paths/~1api~1categories/get/responses/200/content/application~1json/schema";
    String checkout =
        "/paths/~1api~1buyers~1checkout/post/responses/201/content/application~1json/schema";

    assertCovers(contract, User.class, "/components/schemas/User");
    assertCovers(contract, Product.class, "/components/schemas/ProductDetail");
    assertCovers(
        contract, Rating.class, "/components/schemas/ProductDetail/allOf/1/properties/rating");
    assertCovers(contract, ProductImage.class, "/components/schemas/ProductImage");
    assertCovers(contract, Review.class, "/components/schemas/Review");
    // One record reads an order wherever it comes: a detail, or a buyer's list with seller names.
    String orderList = "/components/schemas/OrderList/properties/orders/items";
    assertCovers(contract, Order.class, "/components/schemas/OrderDetail", orderList);
    assertCovers(contract, OrderItem.class, "/components/schemas/OrderItem");
    assertCovers(contract, OrderEvent.class, "/components/schemas/OrderEvent");
    assertCovers(contract, Payment.class, "/components/schemas/Payment");
    assertCovers(
        contract, Payment.Entry.class, "/components/schemas/Payment/properties/history/items");
    assertCovers(contract, Category.class, categories + "/properties/categories/items");
    assertCovers(contract, Checkout.class, checkout);
    assertCovers(contract, ProductUpsert.class, "/components/schemas/ProductUpsert");
    assertCovers(contract, Accounts.LoginAnswer.class, "/components/schemas/Login");
    assertCovers(contract, Accounts.TokenAnswer.class, "/components/schemas/Tokens");
    String report = "/components/schemas/SellerAnalytics";
    assertCovers(contract, SalesReport.class, report);
    assertCovers(contract, SalesReport.Figures.class, "/components/schemas/SalesFigures");
    assertCovers(contract, SalesReport.Previous.class, report + "/properties/previous");
    assertCovers(contract, SalesReport.Bucket.class, report + "/properties/series/items");
    assertCovers(contract, SalesReport.TopProduct.class, report + "/properties/top_products/items");
    assertCovers(contract, SalesReport.LowStock.class, report + "/properties/low_stock/items");
    assertCovers(contract, SalesReport.Pipeline.class, report + "/properties/pipeline");
  }

  /**
   * Each enum the client reads has exactly the contract's values, besides its {@code UNKNOWN} for a
   * newer server's: a value the contract adds or drops fails here until the client follows.
   */
  @Test
  void everyEnumHasTheContractsValues() {
    JsonObject contract = ClientTest.contract.contract().getRawContract();
    assertSameValues(
        contract,
        ErrorCode.values(),
        ErrorCode::wireName,
        "/components/schemas/Error/properties/error");
    assertSameValues(
        contract, OrderStatus.values(), OrderStatus::wireName, "/components/schemas/OrderStatus");
    assertSameValues(
        contract,
        PaymentStatus.values(),
        PaymentStatus::wireName,
        "/components/schemas/Order/properties/payment_status");
    assertSameValues(
        contract,
        OrderEventKind.values(),
        OrderEventKind::wireName,
        "/components/schemas/OrderEvent/properties/kind");
    assertSameValues(
        contract,
        Granularity.values(),
        Granularity::wireName,
        "/components/schemas/SellerAnalytics/properties/granularity");
  }

  private static <E extends Enum<E>> void assertSameValues(
      JsonObject contract, E[] constants, Function<E, String> wireName, String pointer) {
    Set<String> client =
        Arrays.stream(constants)
            .filter(constant -> !constant.name().equals("UNKNOWN"))
            .map(wireName)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> schema = new TreeSet<>();
    at(contract, pointer).getJsonArray("enum").forEach(value -> schema.add((String) value));
    assertThat(client)
        .as("values of %s against %s", constants[0].getDeclaringClass().getSimpleName(), pointer)
        .isEqualTo(schema);
  }

  /** The record's fields are the properties of these schemas, together. */
  private static void assertCovers(JsonObject contract, Class<?> type, String... pointers) {
    Set<String> schema = new TreeSet<>();
    for (String pointer : pointers) {
      schema.addAll(properties(contract, at(contract, pointer)));
    }
    Set<String> record =
        Json.mapper()
            .getDeserializationConfig()
            .introspect(Json.mapper().constructType(type))
            .findProperties()
            .stream()
            .map(BeanPropertyDefinition::getName)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(record)
        .as("fields of %s against %s", type.getSimpleName(), List.of(pointers))
        .isEqualTo(schema);
  }

  /** The property names of a schema, through {@code $ref}s and {@code allOf}s. */
  private static Set<String> properties(JsonObject contract, JsonObject schema) {
    Set<String> names = new TreeSet<>();
    if (schema.containsKey("$ref")) {
      return properties(contract, at(contract, schema.getString("$ref").substring(1)));
    }
    JsonObject own = schema.getJsonObject("properties");
    if (own != null) {
      names.addAll(own.fieldNames());
    }
    JsonArray all = schema.getJsonArray("allOf");
    if (all != null) {
      for (int i = 0; i < all.size(); i++) {
        names.addAll(properties(contract, all.getJsonObject(i)));
      }
    }
    return names;
  }

  private static JsonObject at(JsonObject contract, String pointer) {
    Object node = contract;
    for (String step : pointer.substring(1).split("/")) {
      String key = step.replace("~1", "/").replace("~0", "~");
      node =
          node instanceof JsonArray array
              ? array.getValue(Integer.parseInt(key))
              : ((JsonObject) node).getValue(key);
    }
    return (JsonObject) node;
  }
}
