package dev.pitwall.report;

import dev.pitwall.metrics.RunInfo;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.function.Function;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.Marker;

/**
 * The public face of pitwall's chart look for charts drawn outside this package (compare and trend
 * charts of {@code dev.pitwall.history}): the same fonts, provider colours, line styles, footer and
 * "nothing to plot" image as the run's own charts, without exposing {@link ChartStyle} itself.
 */
public final class ChartKit {
  public static final int WIDTH = ChartStyle.WIDTH;
  public static final int HEIGHT = ChartStyle.HEIGHT;
  public static final Color REGRESSION = ChartStyle.SIMULATED;

  private ChartKit() {}

  /** Applies pitwall's fonts, colours, legend placement and plain-decimal ticks to a chart. */
  public static <C extends Chart<?, ?>> C styled(C chart) {
    return ChartStyle.styled(chart);
  }

  /** One stable colour per provider, the same a run's charts give it. */
  public static Function<String, Color> providerColours(Collection<String> providers) {
    return ChartStyle.forProviders(providers)::colour;
  }

  public static BasicStroke stroke(int variant) {
    return ChartStyle.stroke(variant);
  }

  public static Marker marker(int variant) {
    return ChartStyle.marker(variant);
  }

  /** Saves a chart as a PNG with the run's footer (suite, date, target, simulated). */
  public static void save(Path file, RunInfo info, Chart<?, ?> chart) throws IOException {
    ChartCanvas.save(file, info, chart);
  }

  /** Saves the titled "nothing to plot" image with a note and a detail line. */
  public static void saveNote(Path file, RunInfo info, String title, String note, String detail)
      throws IOException {
    ChartCanvas.saveNote(file, info, title, note, detail);
  }
}
