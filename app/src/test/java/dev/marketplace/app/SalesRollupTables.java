package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.common.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sales rollup's tables as tests read and rebuild them. */
final class SalesRollupTables {

  static final List<String> TABLES =
      List.of(
          "sales_quarter_hours",
          "seller_buyer_purchases",
          "product_sales_quarter_hours",
          "product_sales_days",
          "seller_sales_totals");

  private SalesRollupTables() {}

  /** Every row of every rollup table, in a stable order. */
  static Map<String, String> snapshot(TestDatabase database) throws SQLException {
    Map<String, String> tables = new LinkedHashMap<>();
    for (String table : TABLES) {
      tables.put(
          table,
          database.queryString(
              "SELECT coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '') FROM "
                  + table
                  + " t"));
    }
    return tables;
  }

  /** Runs the operator's command, {@code rebuild-sales-rollup}; returns what it printed. */
  static String rebuild(TestDatabase database) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        RebuildSalesRollupCommand.run(
            database.settings(), new PrintStream(out, true), new PrintStream(out, true));
    assertThat(status).as(out.toString()).isZero();
    return out.toString();
  }
}
