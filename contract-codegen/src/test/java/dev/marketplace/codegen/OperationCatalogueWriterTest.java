package dev.marketplace.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.codegen.OperationCatalogueWriter.ContractOperation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperationCatalogueWriterTest {

  @TempDir Path folder;

  @Test
  void readsEveryOperationInContractOrderWithItsAddress() throws IOException {
    Path contract = folder.resolve("contract.yaml");
    Files.writeString(
        contract,
        """
        openapi: 3.1.0
        paths:
          /api/orders:
            parameters: []
            post:
              operationId: placeOrder
              summary: Place an order
              x-eventbus-address: orders
              parameters:
                - $ref: '#/components/parameters/IdempotencyKey'
            get:
              operationId: listOrders
              x-eventbus-address: orders
          /health/live:
            get:
              operationId: liveness
        components:
          parameters:
            IdempotencyKey: { name: Idempotency-Key, in: header, schema: { type: string } }
        """);

    List<ContractOperation> operations = OperationCatalogueWriter.read(contract);

    assertThat(operations)
        .containsExactly(
            new ContractOperation(
                "placeOrder", "POST", "/api/orders", "Place an order", "orders", true),
            new ContractOperation("listOrders", "GET", "/api/orders", null, "orders"),
            new ContractOperation("liveness", "GET", "/health/live", null, null));
  }

  @Test
  void writesConstantsThatNameTheOperationAndItsAddress() {
    String java =
        OperationCatalogueWriter.operationEnum(
            "dev.example",
            List.of(
                new ContractOperation(
                    "getImageThumbnail", "GET", "/api/images/{id}/thumbnail", "A */ @x", "catalog"),
                new ContractOperation("liveness", "GET", "/health/live", null, null)));

    assertThat(java)
        .startsWith("// Written by contract-codegen")
        .contains("package dev.example;")
        .contains(
            "/** GET /api/images/{id}/thumbnail: A *&#47; &#64;x */\n"
                + "  GET_IMAGE_THUMBNAIL(\"getImageThumbnail\", BusAddress.CATALOG, false),")
        .contains("LIVENESS(\"liveness\", null, false),");
  }

  @Test
  void writesEachAddressOnce() {
    String java =
        OperationCatalogueWriter.addressEnum(
            "dev.example",
            List.of(
                new ContractOperation("a", "GET", "/a", null, "orders"),
                new ContractOperation("b", "GET", "/b", null, "orders"),
                new ContractOperation("c", "GET", "/c", null, "accounts")));

    assertThat(java).contains("  ACCOUNTS(\"accounts\"),\n  ORDERS(\"orders\"),\n  ;");
  }

  @Test
  void refusesAnIdThatCannotNameAConstant() {
    assertThatThrownBy(() -> OperationCatalogueWriter.constantName("place-order"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("place-order");
  }

  @Test
  void refusesAnOperationWithoutAnId() throws IOException {
    Path contract = folder.resolve("contract.yaml");
    Files.writeString(contract, "paths:\n  /a:\n    get:\n      summary: no id\n");

    assertThatThrownBy(() -> OperationCatalogueWriter.read(contract))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("get /a has no operationId");
  }
}
