package dev.pitwall.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * A chart of labelled rows, for figures whose names are long (model and provider names): the names
 * stand in a column on the left, never rotated or thinned, the values run right, and each row
 * carries its value as text. Rows are horizontal bars from zero (stacked segments when a row has
 * several: outcomes) or dots with an interval (comparisons). XChart 4 has no horizontal bars, so
 * this draws with Java2D into whatever {@link Graphics2D} {@link ChartImages} hands it (PNG or
 * SVG).
 *
 * <p>Layout is computed apart from painting ({@link #layout}) so a test can check, with the real
 * fonts, that no two texts overlap and none leaves the image. Names too long for the left column
 * (at most 45 % of the width) are cut with "…"; rows shrink their font rather than overlap.
 */
public final class RowChart implements ChartImages.Painter {
  /** Bars from zero, or a dot at the value with its interval. */
  public enum Style {
    BARS,
    DOTS
  }

  /** A part of a row's bar (or the dot's colour), with the value it adds. */
  public record Segment(double value, Color colour) {}

  /**
   * One row: its name, whether it is indented under the row above (a provider under its model), its
   * segments, an interval (NaN for none), and the text written at its end.
   */
  public record Row(
      String label,
      boolean indented,
      List<Segment> segments,
      double low,
      double high,
      String text) {
    public Row {
      Objects.requireNonNull(label, "label");
      segments = List.copyOf(segments);
      text = text == null ? "" : text;
    }

    /** A bar of one value. */
    public static Row bar(String label, boolean indented, double value, Color colour, String text) {
      return new Row(
          label, indented, List.of(new Segment(value, colour)), Double.NaN, Double.NaN, text);
    }

    double total() {
      return segments.stream().mapToDouble(Segment::value).sum();
    }

    double reach() {
      return Double.isNaN(high) ? total() : Math.max(total(), high);
    }

    double start() {
      return Double.isNaN(low) ? total() : Math.min(total(), low);
    }
  }

  /** A legend entry. */
  public record Key(String name, Color colour) {}

  /** Where every text goes: for painting and for the overlap test. */
  record Layout(
      Font labelFont,
      int rowHeight,
      int plotLeft,
      int plotRight,
      int plotTop,
      int plotBottom,
      double min,
      double max,
      List<String> labels,
      List<Rectangle2D> legendBoxes,
      List<Rectangle2D> textBoxes) {}

  private static final int PAD = 14;
  private static final Color INTERVAL = new Color(0x44, 0x44, 0x44);

  private final String title;
  private final String axisTitle;
  private final Style style;
  private final List<Row> rows;
  private final List<Key> legend;
  private final DoubleFunction<String> ticks;
  private final double reference;
  private final String footnote;

  /**
   * @param reference a value marked by a dashed line (100 % in a comparison), NaN for none
   * @param footnote a line under the axis ("" for none): caveats such as few calls
   */
  public RowChart(
      String title,
      String axisTitle,
      Style style,
      List<Row> rows,
      List<Key> legend,
      DoubleFunction<String> ticks,
      double reference,
      String footnote) {
    this.title = title;
    this.axisTitle = axisTitle;
    this.style = style;
    this.rows = List.copyOf(rows);
    this.legend = List.copyOf(legend);
    this.ticks = ticks;
    this.reference = reference;
    this.footnote = footnote == null ? "" : footnote;
  }

  Layout layout(Graphics2D g, int width, int height) {
    List<Rectangle2D> boxes = new ArrayList<>();
    FontMetrics tfm = g.getFontMetrics(ChartTheme.TITLE);
    int y = PAD;
    boxes.add(new Rectangle2D.Double(PAD, y, tfm.stringWidth(title), tfm.getHeight()));
    y += tfm.getHeight() + 4;
    List<Rectangle2D> legendBoxes = new ArrayList<>();
    if (!legend.isEmpty()) {
      FontMetrics lfm = g.getFontMetrics(ChartTheme.LEGEND);
      int x = PAD;
      for (Key k : legend) {
        int w = 22 + lfm.stringWidth(k.name());
        if (x + w > width - PAD) {
          x = PAD;
          y += lfm.getHeight() + 2;
        }
        legendBoxes.add(new Rectangle2D.Double(x, y, w, lfm.getHeight()));
        x += w + 18;
      }
      boxes.addAll(legendBoxes);
      y += lfm.getHeight() + 6;
    }
    FontMetrics axis = g.getFontMetrics(ChartTheme.AXIS_TITLE);
    FontMetrics tick = g.getFontMetrics(ChartTheme.TICKS);
    int bottomBand = tick.getHeight() + axis.getHeight() + 8;
    if (!footnote.isEmpty()) {
      bottomBand += g.getFontMetrics(ChartTheme.FOOTER).getHeight();
    }
    int plotTop = y + 4;
    int plotBottom = height - PAD - bottomBand;
    int n = Math.max(1, rows.size());
    int rowHeight = Math.max(12, Math.min(48, (plotBottom - plotTop) / n));
    Font labelFont =
        ChartTheme.TICKS.deriveFont((float) Math.min(ChartTheme.TICKS.getSize(), rowHeight * 0.7));
    FontMetrics fm = g.getFontMetrics(labelFont);
    int maxLabel = (int) (width * 0.45);
    List<String> labels = new ArrayList<>();
    int labelWidth = 0;
    for (Row r : rows) {
      String text = fit(fm, r.label(), maxLabel - (r.indented() ? 24 : 0));
      labels.add(text);
      labelWidth = Math.max(labelWidth, fm.stringWidth(text) + (r.indented() ? 24 : 0));
    }
    int textWidth = rows.stream().mapToInt(r -> fm.stringWidth(r.text())).max().orElse(0);
    int plotLeft = PAD + labelWidth + 12;
    int plotRight = width - PAD - textWidth - 20;
    double max = rows.stream().mapToDouble(Row::reach).max().orElse(1);
    double min = style == Style.BARS ? 0 : rows.stream().mapToDouble(Row::start).min().orElse(0);
    if (!Double.isNaN(reference)) {
      max = Math.max(max, reference);
      min = Math.min(min, reference);
    }
    double span = max - min;
    if (span <= 0) {
      span = Math.max(1e-9, Math.abs(max));
    }
    max = max + (style == Style.DOTS ? span * 0.05 : 0);
    min = style == Style.DOTS ? min - span * 0.05 : min;
    if (max <= min) {
      max = min + 1;
    }
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      int top = plotTop + i * rowHeight;
      int x = PAD + (r.indented() ? 24 : 0);
      double baseline = top + (rowHeight + fm.getAscent() - fm.getDescent()) / 2.0;
      boxes.add(
          new Rectangle2D.Double(
              x, baseline - fm.getAscent(), fm.stringWidth(labels.get(i)), fm.getAscent()));
      if (!r.text().isEmpty()) {
        double end = plotLeft + (r.reach() - min) / (max - min) * (plotRight - plotLeft);
        boxes.add(
            new Rectangle2D.Double(
                end + textGap(rowHeight),
                baseline - fm.getAscent(),
                fm.stringWidth(r.text()),
                fm.getAscent()));
      }
    }
    return new Layout(
        labelFont,
        rowHeight,
        plotLeft,
        plotRight,
        plotTop,
        plotBottom,
        min,
        max,
        labels,
        legendBoxes,
        boxes);
  }

  /** The text cut with "…" to fit {@code width} px. */
  static String fit(FontMetrics fm, String text, int width) {
    if (fm.stringWidth(text) <= width) {
      return text;
    }
    String cut = text;
    while (!cut.isEmpty() && fm.stringWidth(cut + "…") > width) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut + "…";
  }

  @Override
  public void paint(Graphics2D g, int width, int height) {
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    Layout l = layout(g, width, height);
    g.setColor(ChartTheme.TEXT);
    g.setFont(ChartTheme.TITLE);
    g.drawString(title, PAD, PAD + g.getFontMetrics().getAscent());
    paintLegend(g, l);
    paintAxis(g, l, width);
    FontMetrics fm = g.getFontMetrics(l.labelFont());
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      int top = l.plotTop() + i * l.rowHeight();
      float baseline = top + (l.rowHeight() + fm.getAscent() - fm.getDescent()) / 2f;
      g.setFont(l.labelFont());
      g.setColor(r.indented() ? ChartTheme.TEXT.brighter() : ChartTheme.TEXT);
      g.drawString(l.labels().get(i), PAD + (r.indented() ? 24 : 0), baseline);
      double thickness = l.rowHeight() * (r.indented() ? 0.5 : 0.66);
      double mid = top + l.rowHeight() / 2.0;
      if (style == Style.BARS) {
        double from = 0;
        for (Segment s : r.segments()) {
          double x0 = x(l, from);
          double x1 = x(l, from + s.value());
          g.setColor(s.colour());
          g.fill(new Rectangle2D.Double(x0, mid - thickness / 2, x1 - x0, thickness));
          from += s.value();
        }
      }
      if (!Double.isNaN(r.low()) && !Double.isNaN(r.high())) {
        g.setColor(style == Style.DOTS ? r.segments().get(0).colour() : INTERVAL);
        g.setStroke(new BasicStroke(2.5f));
        g.draw(new Line2D.Double(x(l, r.low()), mid, x(l, r.high()), mid));
        g.draw(new Line2D.Double(x(l, r.low()), mid - 6, x(l, r.low()), mid + 6));
        g.draw(new Line2D.Double(x(l, r.high()), mid - 6, x(l, r.high()), mid + 6));
      }
      if (style == Style.DOTS) {
        double r0 = dotRadius(l.rowHeight());
        g.setColor(r.segments().get(0).colour());
        g.fill(new Ellipse2D.Double(x(l, r.total()) - r0, mid - r0, 2 * r0, 2 * r0));
      }
      if (!r.text().isEmpty()) {
        g.setFont(l.labelFont());
        g.setColor(ChartTheme.TEXT);
        g.drawString(r.text(), (float) (x(l, r.reach()) + textGap(l.rowHeight())), baseline);
      }
    }
  }

  private void paintLegend(Graphics2D g, Layout l) {
    g.setFont(ChartTheme.LEGEND);
    FontMetrics lfm = g.getFontMetrics();
    for (int i = 0; i < legend.size(); i++) {
      Key k = legend.get(i);
      Rectangle2D box = l.legendBoxes().get(i);
      int x = (int) box.getX();
      int y = (int) box.getY();
      g.setColor(k.colour());
      g.fillRect(x, y + (lfm.getHeight() - 14) / 2, 14, 14);
      g.setColor(ChartTheme.TEXT);
      g.drawString(k.name(), x + 20, y + lfm.getAscent());
    }
  }

  private void paintAxis(Graphics2D g, Layout l, int width) {
    double step = niceStep((l.max() - l.min()) / 6);
    g.setFont(ChartTheme.TICKS);
    FontMetrics fm = g.getFontMetrics();
    int gridBottom = l.plotTop() + rows.size() * l.rowHeight();
    for (double v = Math.ceil(l.min() / step) * step; v <= l.max() + step * 1e-9; v += step) {
      double x = x(l, v);
      g.setColor(ChartTheme.GRID);
      g.setStroke(new BasicStroke(1f));
      g.draw(new Line2D.Double(x, l.plotTop(), x, gridBottom));
      String text = ticks.apply(Math.abs(v) < step * 1e-9 ? 0 : v);
      g.setColor(ChartTheme.TEXT);
      g.drawString(text, (float) (x - fm.stringWidth(text) / 2.0), gridBottom + fm.getAscent() + 4);
    }
    if (!Double.isNaN(reference)) {
      g.setColor(ChartTheme.TEXT);
      g.setStroke(ChartTheme.thin());
      g.draw(new Line2D.Double(x(l, reference), l.plotTop(), x(l, reference), gridBottom));
    }
    g.setStroke(new BasicStroke(1f));
    g.setFont(ChartTheme.AXIS_TITLE);
    FontMetrics afm = g.getFontMetrics();
    int axisBaseline = gridBottom + fm.getHeight() + 6 + afm.getAscent();
    g.drawString(
        axisTitle,
        (l.plotLeft() + l.plotRight() - afm.stringWidth(axisTitle)) / 2f,
        (float) axisBaseline);
    if (!footnote.isEmpty()) {
      g.setFont(ChartTheme.FOOTER);
      g.setColor(ChartTheme.TEXT.brighter());
      String text = fit(g.getFontMetrics(), footnote, width - 2 * PAD);
      g.drawString(text, PAD, axisBaseline + g.getFontMetrics().getHeight());
    }
  }

  private static double dotRadius(int rowHeight) {
    return Math.min(9, rowHeight * 0.25);
  }

  /** From a row's end (its bar, dot or interval) to its text: clear of a dot's edge. */
  private double textGap(int rowHeight) {
    return style == Style.DOTS ? dotRadius(rowHeight) + 6 : 6;
  }

  private static double x(Layout l, double v) {
    return l.plotLeft() + (v - l.min()) / (l.max() - l.min()) * (l.plotRight() - l.plotLeft());
  }

  /** 1, 2 or 5 × a power of ten, at least {@code raw}. */
  static double niceStep(double raw) {
    if (!(raw > 0)) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double n = raw / magnitude;
    return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * magnitude;
  }
}
