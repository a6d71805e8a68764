/**
 * The order module's API for the payment verticle, and the only part of the order module it may use
 * ({@code ArchitectureTest} in the app module checks that): lock the order a buyer pays, refuse an
 * unpayable one, record on the order where its money stands, in the payment's own transaction, and
 * publish what a capture changed once that transaction has committed.
 */
package dev.marketplace.order.payments;
