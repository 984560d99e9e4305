package dev.pitwall.report;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * Empty charts in pitwall's {@link ChartTheme}, sized for the plot area above {@link ChartImages}'s
 * footer, for a run's chart formats to fill with series.
 */
final class BlankCharts {
  private BlankCharts() {}

  /** Bars from zero, with no thinning of the category labels. */
  static CategoryChart category(String title, String xTitle, String yTitle, int width) {
    CategoryChart chart =
        ChartTheme.styled(
            new CategoryChartBuilder()
                .width(width)
                .height(ChartTheme.HEIGHT - ChartTheme.FOOTER_HEIGHT)
                .title(title)
                .xAxisTitle(xTitle)
                .yAxisTitle(yTitle)
                .build());
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setXAxisMaxLabelCount(0);
    return chart;
  }

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
