package dev.marketplace.order.analytics;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.db.ReadRouting;
import dev.marketplace.common.error.DomainException;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A seller's report: sales, refunds and buyers against the period before, sales per day, week or
 * month in the seller's time zone, best sellers, what runs out, and where orders are stuck.
 */
public final class SellerAnalytics implements OperationHandler {

  /** A paid order not shipped after this long is late. */
  static final Duration SHIPMENT_DUE = Duration.ofHours(48);

  private final ReadRouting reads;
  private final SalesReportRepository reports;
  private final Clock clock;

  /** Reports read on a replica that has the seller's own last change, where there are replicas. */
  public SellerAnalytics(ReadRouting reads, SalesReportRepository reports, Clock clock) {
    this.reads = reads;
    this.reports = reports;
    this.clock = clock;
  }

  @Override
  public Future<Reply> handle(BusRequest request) {
    long sellerId = request.pathId("seller_id");
    // The edge checks this already (x-caller-id); a wiring mistake must not open another's books.
    if (request.callerId() != sellerId) {
      throw DomainException.forbidden("These are another seller's analytics.");
    }
    ReportPeriod period = ReportPeriod.of(request.query(), clock);
    Instant overdueIfPaidBefore = clock.instant().minus(SHIPMENT_DUE);
    return reads.reply(
        request,
        pool ->
            reports
                .report(pool, sellerId, period, overdueIfPaidBefore)
                .map(report -> Reply.ok(report.toJson())));
  }
}
