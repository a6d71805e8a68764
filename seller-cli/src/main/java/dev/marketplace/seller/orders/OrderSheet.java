package dev.marketplace.seller.orders;

import dev.marketplace.client.model.Order;
import dev.marketplace.client.model.OrderEvent;
import dev.marketplace.client.model.OrderItem;
import dev.marketplace.seller.output.Display;
import dev.marketplace.seller.output.Sheet;
import dev.marketplace.seller.output.Styles;
import dev.marketplace.seller.output.Table;
import dev.marketplace.seller.output.Table.Cell;
import dev.marketplace.seller.output.Table.Column;
import java.io.PrintWriter;
import java.util.List;

/** One order for people: who, what, what was paid, and where the parcel has been. */
final class OrderSheet {

  private final Display display;
  private final Styles styles;

  OrderSheet(Display display, Styles styles) {
    this.display = display;
    this.styles = styles;
  }

  void print(PrintWriter out, Order order) {
    Sheet sheet = new Sheet(out, styles, 9);
    sheet.field("Order", Long.toString(order.id()));
    sheet.field("Status", styles.apply(Display.style(order.status()), order.status().wireName()));
    sheet.field("Buyer", order.buyerName() + " (" + order.buyerId() + ")");
    sheet.field("Placed", display.time(order.createdAt()));
    sheet.field("Total", Display.money(order.totalPrice()));
    String payment = order.paymentStatus() == null ? "unpaid" : order.paymentStatus().wireName();
    if (order.paidAt() != null) {
      payment += ", paid " + display.time(order.paidAt());
    }
    if (order.paymentFailure() != null) {
      payment += " (" + order.paymentFailure() + ")";
    }
    sheet.field("Payment", payment);
    if (order.carrier() != null) {
      sheet.field("Shipping", order.carrier() + " " + order.trackingNumber());
    }
    if (order.cancelReason() != null) {
      sheet.field("Cancelled", order.cancelReason());
    }
    if (order.items() != null && !order.items().isEmpty()) {
      out.println();
      Table lines =
          new Table(
              List.of(
                  Column.left("PRODUCT"),
                  Column.left("NAME"),
                  Column.right("QTY"),
                  Column.right("UNIT"),
                  Column.right("TOTAL")));
      for (OrderItem item : order.items()) {
        lines.add(
            List.of(
                Cell.of(Long.toString(item.productId())),
                Cell.of(item.productName()),
                Cell.of(Integer.toString(item.quantity())),
                Cell.of(Display.money(item.unitPrice())),
                Cell.of(Display.money(item.lineTotal()))));
      }
      lines.print(out, styles);
    }
    if (order.timeline() != null && !order.timeline().isEmpty()) {
      out.println();
      Table timeline =
          new Table(
              List.of(
                  Column.left("TIME"),
                  Column.left("STATUS"),
                  Column.left("EVENT"),
                  Column.left("LOCATION"),
                  Column.left("NOTES"),
                  Column.left("BY")));
      for (OrderEvent event : order.timeline()) {
        timeline.add(
            List.of(
                Cell.of(display.time(event.createdAt())),
                Cell.styled(event.status().wireName(), Display.style(event.status())),
                Cell.of(event.kind() == null ? null : event.kind().wireName()),
                Cell.of(event.location()),
                Cell.of(event.notes()),
                Cell.of(event.actor())));
      }
      timeline.print(out, styles);
    }
    out.flush();
  }
}
