package dev.marketplace.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.client.failure.ApiException;
import dev.marketplace.client.failure.ErrorCode;
import dev.marketplace.client.failure.FailureKind;
import dev.marketplace.client.http.Json;
import org.junit.jupiter.api.Test;

/** The client reads a newer server's values without failing, and types what went wrong. */
class WireValuesTest {

  @Test
  void aStatusFromANewerServerParsesAsUnknown() throws Exception {
    OrderEvent event =
        Json.mapper()
            .readValue(
                "{\"id\":7,\"order_id\":3,\"kind\":\"refund\",\"status\":\"on_hold\"}",
                OrderEvent.class);
    assertThat(event.kind()).isEqualTo(OrderEventKind.UNKNOWN);
    assertThat(event.status()).isEqualTo(OrderStatus.UNKNOWN);
    assertThat(PaymentStatus.of("chargeback")).isEqualTo(PaymentStatus.UNKNOWN);
    assertThat(ImportOutcome.of("merged")).isEqualTo(ImportOutcome.UNKNOWN);
    assertThat(ReportQuery.Granularity.of("quarter")).isEqualTo(ReportQuery.Granularity.UNKNOWN);
    assertThat(new ApiException(418, "teapot", "No coffee.", null).code())
        .isEqualTo(ErrorCode.UNKNOWN);
  }

  @Test
  void knownValuesReadAndWriteAsTheApiSpellsThem() throws Exception {
    assertThat(PaymentStatus.of("refund_pending")).isEqualTo(PaymentStatus.REFUND_PENDING);
    assertThat(Json.mapper().writeValueAsString(PaymentStatus.REFUND_PENDING))
        .isEqualTo("\"refund_pending\"");
    assertThat(OrderStatus.of("Shipped")).isEqualTo(OrderStatus.SHIPPED);
    assertThat(OrderStatus.known()).doesNotContain(OrderStatus.UNKNOWN).hasSize(6);
  }

  @Test
  void aRefusalIsTypedByItsStatusAndCode() {
    assertThat(new ApiException(404, "not_found", "No product 9.", null).kind())
        .isEqualTo(FailureKind.NOT_FOUND);
    assertThat(new ApiException(409, "duplicate", "Taken.", null).kind())
        .isEqualTo(FailureKind.CONFLICT);
    assertThat(new ApiException(401, "unauthorized", "Expired.", null).kind())
        .isEqualTo(FailureKind.NOT_SIGNED_IN);
    assertThat(new ApiException(401, "invalid_credentials", "Wrong password.", null).kind())
        .isEqualTo(FailureKind.FORBIDDEN);
    assertThat(new ApiException(402, "payment_failed", "Declined.", null).code())
        .isEqualTo(ErrorCode.PAYMENT_FAILED);
    assertThat(new ApiException(503, "unavailable", "Later.", null).kind())
        .isEqualTo(FailureKind.SERVER);
    assertThat(new ApiException(400, "validation_failed", "Bad.", null).kind())
        .isEqualTo(FailureKind.INVALID);
  }
}
