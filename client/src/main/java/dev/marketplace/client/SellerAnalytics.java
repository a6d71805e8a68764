package dev.marketplace.client;

import dev.marketplace.client.http.Call;
import dev.marketplace.client.http.Transport;
import dev.marketplace.client.model.ReportQuery;
import dev.marketplace.client.model.SalesReport;

/** The signed-in seller's analytics report. */
public final class SellerAnalytics {

  private final Transport transport;
  private final Identity identity;

  SellerAnalytics(Transport transport, Identity identity) {
    this.transport = transport;
    this.identity = identity;
  }

  /**
   * The report for {@code query}; 400 {@code validation_failed} for a period the server refuses.
   */
  public SalesReport report(ReportQuery query) {
    return transport.send(
        Call.get("/api/sellers/" + identity.userId() + "/analytics")
            .query("from", query.from())
            .query("to", query.to())
            .query(
                "granularity", query.granularity() == null ? null : query.granularity().wireName())
            .query("tz", query.tz())
            .query("low_stock_below", query.lowStockBelow())
            .authenticated(),
        SalesReport.class);
  }
}
