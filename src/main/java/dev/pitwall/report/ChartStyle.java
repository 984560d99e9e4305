package dev.pitwall.report;

import dev.pitwall.metrics.ProviderNames;
import dev.pitwall.metrics.RunInfo;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The one look of every pitwall chart: 1200×700 px, fonts large enough to read when the PNG is
 * pasted at page width (a 16 px tick label prints at about 8 pt on A4), legends outside the plot,
 * plain decimal tick labels, and one colour per provider that does not change between charts.
 */
final class ChartStyle {
  static final int WIDTH = 1200;
  static final int HEIGHT = 700;
  static final int FOOTER_HEIGHT = 34;

  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 24);
  static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 18);
  static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
  static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
  static final Font FOOTER = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
  static final Font NOTE = new Font(Font.SANS_SERIF, Font.BOLD, 26);

  static final Color TEXT = new Color(0x22, 0x22, 0x22);
  static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
  static final Color SIMULATED = new Color(0xC6, 0x28, 0x28);

  /** Well-known providers keep their colour across runs; others take the next free palette one. */
  private static final Map<String, Color> KNOWN = new LinkedHashMap<>();

  static {
    KNOWN.put("openai", new Color(0x10, 0xA3, 0x7F));
    KNOWN.put("azure", new Color(0x00, 0x78, 0xD4));
    KNOWN.put("anthropic", new Color(0xD9, 0x77, 0x57));
    KNOWN.put("google", new Color(0x42, 0x85, 0xF4));
    KNOWN.put("amazonbedrock", new Color(0xFF, 0x99, 0x00));
    KNOWN.put("deepinfra", new Color(0x7B, 0x1F, 0xA2));
    KNOWN.put("together", new Color(0xE9, 0x1E, 0x63));
    KNOWN.put("fireworks", new Color(0x8D, 0x6E, 0x63));
    KNOWN.put("groq", new Color(0xF4, 0x51, 0x1E));
    KNOWN.put("mistral", new Color(0xFB, 0xC0, 0x2D));
  }

  private static final List<Color> PALETTE =
      List.of(
          new Color(0x1F, 0x77, 0xB4),
          new Color(0x2C, 0xA0, 0x2C),
          new Color(0x94, 0x67, 0xBD),
          new Color(0x17, 0xBE, 0xCF),
          new Color(0xBC, 0xBD, 0x22),
          new Color(0x7F, 0x7F, 0x7F),
          new Color(0x8C, 0x56, 0x4B),
          new Color(0xE3, 0x77, 0xC2),
          new Color(0xD6, 0x27, 0x28),
          new Color(0x00, 0x00, 0x00));

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

  private final Map<String, Color> colours;

  private ChartStyle(Map<String, Color> colours) {
    this.colours = colours;
  }

  /** Assigns colours to the providers of one run, in name order so reruns agree. */
  static ChartStyle forProviders(Collection<String> providers) {
    Map<String, Color> colours = new LinkedHashMap<>();
    List<Color> free = new ArrayList<>(PALETTE);
    TreeSet<String> sorted = new TreeSet<>();
    providers.forEach(p -> sorted.add(ProviderNames.normalise(p)));
    for (String p : sorted) {
      Color known = known(p);
      if (known != null) {
        colours.put(p, known);
        free.remove(known);
      }
    }
    int next = 0;
    for (String p : sorted) {
      if (!colours.containsKey(p)) {
        colours.put(p, free.isEmpty() ? PALETTE.get(next++ % PALETTE.size()) : free.remove(0));
      }
    }
    return new ChartStyle(colours);
  }

  private static Color known(String normalised) {
    for (Map.Entry<String, Color> e : KNOWN.entrySet()) {
      if (normalised.startsWith(e.getKey())) {
        return e.getValue();
      }
    }
    return null;
  }

  Color colour(String provider) {
    return colours.getOrDefault(ProviderNames.normalise(provider), Color.DARK_GRAY);
  }

  /** The provider's colour for its first model; lighter, then darker, for the next ones. */
  static Color shade(Color colour, int variant) {
    return switch (variant % 3) {
      case 0 -> colour;
      case 1 -> blend(colour, Color.WHITE, 0.45);
      default -> blend(colour, Color.BLACK, 0.35);
    };
  }

  private static Color blend(Color a, Color b, double share) {
    return new Color(
        (int) Math.round(a.getRed() * (1 - share) + b.getRed() * share),
        (int) Math.round(a.getGreen() * (1 - share) + b.getGreen() * share),
        (int) Math.round(a.getBlue() * (1 - share) + b.getBlue() * share));
  }

  /** A thin dashed line for context series (the offered rate), so data points stay in front. */
  static BasicStroke thin() {
    return new BasicStroke(
        1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 4f}, 0f);
  }

  static BasicStroke stroke(int variant) {
    return STROKES.get(variant % STROKES.size());
  }

  static Marker marker(int variant) {
    return MARKERS.get(variant % MARKERS.size());
  }

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

  /** "suite cap-theorem · 2026-01-31 12:00 UTC · target simulator". */
  static String footer(RunInfo info) {
    String when =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC)
            .format(info.start());
    String text = "suite " + info.suite() + "  ·  " + when + "  ·  target " + info.target();
    return info.partial() ? text + "  ·  PARTIAL: " + info.partialReason() : text;
  }

  static <C extends Chart<?, ?>> C styled(C chart) {
    apply(chart.getStyler());
    return chart;
  }
}
