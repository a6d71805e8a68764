package dev.marketplace.payment;

import dev.marketplace.common.metrics.Meters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What operators chart of payments: {@code marketplace_payments_captured_total}, {@code
 * marketplace_payments_declined_total} and {@code marketplace_refunds_total}, counted when the
 * payment's move is written (a transaction that then fails to commit would have counted one too
 * many), and {@code marketplace_payment_reconciliation_backlog}: payments left unsettled past the
 * gateway timeout plus refunds due, as the reconciler found them on its last pass on this node.
 */
public record PaymentMeters(
    Counter captured, Counter declined, Counter refunds, AtomicLong reconciliationBacklog) {

  public static PaymentMeters of(MeterRegistry registry) {
    return new PaymentMeters(
        Counter.builder("marketplace.payments.captured")
            .description("Payments the gateway captured")
            .register(registry),
        Counter.builder("marketplace.payments.declined")
            .description("Payments the gateway declined")
            .register(registry),
        Counter.builder("marketplace.refunds")
            .description("Payments refunded after their order was cancelled")
            .register(registry),
        Meters.nodeGauge(
            registry,
            "marketplace.payment.reconciliation.backlog",
            "Payments left unsettled and refunds due, at the reconciler's last pass"));
  }
}
