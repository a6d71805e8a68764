package dev.marketplace.seller.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.seller.output.Styles;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bars as long as their value against the largest, to an eighth of a cell in Unicode. */
class BarChartTest {

  private static final BigDecimal HUNDRED = new BigDecimal("100.00");

  @Test
  void unicodeBarsGrowByEighthsOfACell() {
    BarChart chart = new BarChart(10, false);

    assertThat(chart.bar(HUNDRED, HUNDRED)).isEqualTo("██████████");
    assertThat(chart.bar(new BigDecimal("50.00"), HUNDRED)).isEqualTo("█████");
    // 10 cells x 8 x 0.3125 = 25 eighths: three cells and an eighth.
    assertThat(chart.bar(new BigDecimal("31.25"), HUNDRED)).isEqualTo("███▏");
    assertThat(chart.bar(new BigDecimal("35.00"), HUNDRED)).isEqualTo("███▌");
    // Too small for an eighth, but not nothing.
    assertThat(chart.bar(new BigDecimal("0.01"), HUNDRED)).isEqualTo("▏");
    assertThat(chart.bar(BigDecimal.ZERO, HUNDRED)).isEmpty();
    assertThat(chart.bar(BigDecimal.ZERO, BigDecimal.ZERO)).isEmpty();
  }

  @Test
  void refundsBeyondSalesDrawABarOfTheirOwnKind() {
    assertThat(new BarChart(10, false).bar(new BigDecimal("-50.00"), HUNDRED)).isEqualTo("▒▒▒▒▒");
    assertThat(new BarChart(10, true).bar(new BigDecimal("-50.00"), HUNDRED)).isEqualTo("-----");
  }

  @Test
  void asciiBarsAreWholeCellsOfHashes() {
    BarChart chart = new BarChart(10, true);

    assertThat(chart.bar(new BigDecimal("31.25"), HUNDRED)).isEqualTo("###");
    assertThat(chart.bar(new BigDecimal("35.00"), HUNDRED)).isEqualTo("####");
    assertThat(chart.bar(new BigDecimal("0.01"), HUNDRED)).isEqualTo("#");
  }

  @Test
  void labelsBarsAndValuesLineUp() {
    List<String> lines =
        new BarChart(4, false)
            .lines(
                List.of(
                    new BarChart.Bar("2026-03", new BigDecimal("80.00"), "80.00"),
                    new BarChart.Bar("2026-04", new BigDecimal("-20.00"), "-20.00"),
                    new BarChart.Bar("2026-05", BigDecimal.ZERO, "0.00")),
                new Styles(false));

    assertThat(lines)
        .containsExactly("2026-03  ████   80.00", "2026-04  ▒     -20.00", "2026-05          0.00");
  }
}
