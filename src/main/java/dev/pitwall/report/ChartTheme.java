package dev.pitwall.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The one look of every pitwall chart, a run's and those of {@code dev.pitwall.history}: 1200×700
 * px, fonts large enough to read when the PNG is pasted at page width (a 16 px tick label prints at
 * about 8 pt on A4), legends outside the plot, plain decimal tick labels, and the line styles and
 * markers that tell apart several providers of one model (in shades of its colour). Colours come
 * from {@link ModelColours}.
 */
public final class ChartTheme {
  public static final int WIDTH = 1200;
  public static final int HEIGHT = 700;
  static final int FOOTER_HEIGHT = 34;

  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 24);
  static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 18);
  static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
  static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
  static final Font FOOTER = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
  static final Font NOTE = new Font(Font.SANS_SERIF, Font.BOLD, 26);

  static final Color TEXT = new Color(0x22, 0x22, 0x22);
  static final Color GRID = new Color(0xDD, 0xDD, 0xDD);

  /**
   * Red for what must catch the eye: the SIMULATED stamp, a regression, a note on an empty chart.
   */
  public static final Color ALERT = new Color(0xC6, 0x28, 0x28);

  /** Line styles that tell apart several models served by one provider (same colour). */
  private static final List<BasicStroke> STROKES =
      List.of(
          new BasicStroke(3f),
          new BasicStroke(
              3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {12f, 6f}, 0f),
          new BasicStroke(
              3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {3f, 5f}, 0f),
          new BasicStroke(
              3f,
              BasicStroke.CAP_BUTT,
              BasicStroke.JOIN_ROUND,
              10f,
              new float[] {12f, 5f, 3f, 5f},
              0f));

  private static final List<Marker> MARKERS =
      List.of(
          SeriesMarkers.CIRCLE,
          SeriesMarkers.DIAMOND,
          SeriesMarkers.SQUARE,
          SeriesMarkers.TRIANGLE_UP,
          SeriesMarkers.TRIANGLE_DOWN);

  /** A thin dashed line for context series (the offered rate), so data points stay in front. */
  static BasicStroke thin() {
    return new BasicStroke(
        1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 4f}, 0f);
  }

  public static BasicStroke stroke(int variant) {
    return STROKES.get(variant % STROKES.size());
  }

  public static Marker marker(int variant) {
    return MARKERS.get(variant % MARKERS.size());
  }

  private ChartTheme() {}

  /** Applies fonts, colours and legend placement common to every chart. */
  static void apply(Styler styler) {
    styler.setChartTitleFont(TITLE);
    styler.setLegendFont(LEGEND);
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    styler.setLegendBorderColor(GRID);
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderColor(GRID);
    styler.setChartFontColor(TEXT);
    styler.setChartPadding(14);
    styler.setLocale(Locale.ROOT);
    styler.setAntiAlias(true);
    if (styler instanceof AxesChartStyler axes) {
      axes.setAxisTitleFont(AXIS_TITLE);
      axes.setAxisTickLabelsFont(TICKS);
      axes.setPlotGridLinesColor(GRID);
      axes.setAxisTickPadding(6);
      // Plain decimals: no "1E4" on any axis.
      axes.setXAxisDecimalPattern("#,##0.###");
      axes.setYAxisDecimalPattern("#,##0.###");
    }
  }

  /** Applies pitwall's fonts, colours, legend placement and plain-decimal ticks to a chart. */
  public static <C extends Chart<?, ?>> C styled(C chart) {
    apply(chart.getStyler());
    return chart;
  }
}
