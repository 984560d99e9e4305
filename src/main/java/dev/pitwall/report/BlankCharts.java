package dev.pitwall.report;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * Empty XY charts in pitwall's {@link ChartTheme}, sized for the plot area above {@link
 * ChartImages}'s footer, for a run's chart formats to fill with series (bars are {@link
 * RowChart}s).
 */
final class BlankCharts {
  private BlankCharts() {}

  static XYChart xy(String title, String xTitle, String yTitle) {
    return ChartTheme.styled(
        new XYChartBuilder()
            .width(ChartTheme.WIDTH)
            .height(ChartTheme.HEIGHT - ChartTheme.FOOTER_HEIGHT)
            .title(title)
            .xAxisTitle(xTitle)
            .yAxisTitle(yTitle)
            .build());
  }
}
