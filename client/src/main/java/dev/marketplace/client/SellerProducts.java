package dev.marketplace.client;

import dev.marketplace.client.http.Call;
import dev.marketplace.client.http.Transport;
import dev.marketplace.client.model.NewProduct;
import dev.marketplace.client.model.Page;
import dev.marketplace.client.model.Product;
import dev.marketplace.client.model.ProductChanges;
import dev.marketplace.client.model.SellerProductQuery;

/** The signed-in seller's own products, active or not. */
public final class SellerProducts {

  private final Transport transport;
  private final Identity identity;

  SellerProducts(Transport transport, Identity identity) {
    this.transport = transport;
    this.identity = identity;
  }

  /** A page of the seller's products, oldest first. */
  public Page<Product> list(SellerProductQuery query) {
    return transport
        .send(
            Call.get("/api/sellers/" + identity.userId() + "/products")
                .query("cursor", query.cursor())
                .query("limit", query.limit())
                .authenticated())
        .page("products", Product.class);
  }

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
}
