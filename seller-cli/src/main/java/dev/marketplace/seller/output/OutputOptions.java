package dev.marketplace.seller.output;

import dev.marketplace.seller.command.Usage;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code -o table|wide|json|csv}, for the commands that print what they find. {@code wide} is a
 * table with more columns: commands that have none print their table.
 */
public final class OutputOptions {

  @Spec(Spec.Target.MIXEE)
  private CommandSpec command;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description =
          "table (default), wide (a table with more columns, such as event ids), json (the"
              + " API's JSON) or csv (lists only).")
  private OutputFormat format = OutputFormat.TABLE;

  /** The format, with {@code wide} as a table (see {@link #wide()}). */
  public OutputFormat format() {
    return format == OutputFormat.WIDE ? OutputFormat.TABLE : format;
  }

  /** Whether the table should have its extra columns. */
  public boolean wide() {
    return format == OutputFormat.WIDE;
  }

  /** The format, refusing CSV for a command that prints one thing rather than a list. */
  public OutputFormat single() {
    if (format == OutputFormat.CSV) {
      throw Usage.error(command, "-o csv is for lists; use -o table or -o json here.");
    }
    return format();
  }
}
