package dev.marketplace.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.marketplace.client.http.Call;
import dev.marketplace.client.http.Transport;
import dev.marketplace.client.model.NewProduct;
import dev.marketplace.client.model.Page;
import dev.marketplace.client.model.Product;
import dev.marketplace.client.model.ProductChanges;
import dev.marketplace.client.model.ProductImport;
import dev.marketplace.client.model.ProductUpsert;
import dev.marketplace.client.model.SellerProductQuery;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The signed-in seller's own products, active or not. */
public final class SellerProducts {

  /** The most lines one import request may carry, as the contract's {@code maxItems} says. */
  public static final int MAX_IMPORT_LINES = 500;

  private final Transport transport;
  private final Identity identity;

  SellerProducts(Transport transport, Identity identity) {
    this.transport = transport;
    this.identity = identity;
  }

  /** A page of the seller's products, oldest first, filtered by the query. */
  public Page<Product> list(SellerProductQuery query) {
    return transport
        .send(
            Call.get("/api/sellers/" + identity.userId() + "/products")
                .query("status", query.status() == null ? null : query.status().wireName())
                .query("category", query.category())
                .query("stock_below", query.stockBelow())
                .query("cursor", query.cursor())
                .query("limit", query.limit())
                .authenticated())
        .page("products", Product.class);
  }

  /** One of the seller's products, active or not, with rating summary and images. */
  public Product get(long productId) {
    return transport.send(
        Call.get("/api/sellers/products/" + productId).authenticated(), Product.class);
  }

  /** Lists a new product; 409 {@code duplicate} if its SKU is taken among the seller's. */
  public Product create(NewProduct product) {
    return transport.send(
        Call.post("/api/sellers/products").json(product).authenticated(), Product.class);
  }

  /** Changes the given fields (at least one); 403 if the product is another seller's. */
  public Product update(long productId, ProductChanges changes) {
    return transport.send(
        Call.put("/api/sellers/products/" + productId).json(changes).retryable().authenticated(),
        Product.class);
  }

  /**
   * Adds {@code change} units to the stock (negative: removes them), relative to the stock at that
   * moment; 409 {@code insufficient_inventory} when removing more than there is.
   */
  public Product adjustStock(long productId, int change) {
    return transport.send(
        Call.post("/api/sellers/products/" + productId + "/stock")
            .json(Map.of("change", change))
            .authenticated(),
        Product.class);
  }

  /**
   * Creates the seller's product with this SKU, or sets its fields (the SKU of {@code product} is
   * not used): {@code created}, {@code updated}, or {@code unchanged} when it already was so.
   */
  public ProductUpsert putBySku(String sku, NewProduct product) {
    Fields fields =
        new Fields(
            product.name(),
            product.category(),
            product.description(),
            product.price(),
            product.inventory(),
            product.active());
    return transport.send(
        Call.put(
                "/api/sellers/products/by-sku/"
                    + URLEncoder.encode(sku, StandardCharsets.UTF_8).replace("+", "%20"))
            .json(fields)
            .retryable()
            .authenticated(),
        ProductUpsert.class);
  }

  /**
   * Creates or updates many of the seller's products by SKU in one request (at most {@link
   * #MAX_IMPORT_LINES}): an outcome per line, a bad line failing alone. With {@code dryRun}, what
   * would happen, with nothing written. {@code idempotencyKey} makes a retry after a lost answer
   * safe.
   */
  public ProductImport importBySku(List<NewProduct> lines, boolean dryRun, String idempotencyKey) {
    return transport.send(
        Call.post("/api/sellers/product-imports")
            .json(new ImportRequest(dryRun, lines))
            .idempotencyKey(idempotencyKey)
            .authenticated(),
        ProductImport.class);
  }

  /** The body of a bulk import. */
  record ImportRequest(boolean dryRun, List<NewProduct> lines) {}

  /** The body of a put by SKU: the product without its SKU, which is in the path. */
  record Fields(
      String name,
      String category,
      String description,
      BigDecimal price,
      int inventory,
      @JsonProperty("is_active") Boolean active) {}
}
