package dev.pitwall.report;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import dev.pitwall.metrics.OutcomeCounts;
import dev.pitwall.metrics.RunInfo;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes every chart twice: a PNG ({@code scale} × 1200×700 px, 2 for HiDPI screens) and an SVG of
 * the same drawing beside it (vector, for documents that scale). A chart is anything that paints
 * into a {@link Graphics2D} of a given size: an XChart chart, a {@link RowChart}, or the "nothing
 * to plot" note; each is stamped with pitwall's footer (suite, date, target, and "SIMULATED" in red
 * when the target was the simulator). Headless: it draws into a {@link BufferedImage} and
 * VectorGraphics2D's recorder, never a window.
 */
public final class ChartImages {
  /** Something that draws a chart into a {@code width × height} area at the origin. */
  @FunctionalInterface
  public interface Painter {
    void paint(Graphics2D g, int width, int height);
  }

  private ChartImages() {}

  /** Saves one XChart chart with the run's footer, at 1× scale. */
  public static void save(Path file, RunInfo info, Chart<?, ?> chart) throws IOException {
    save(file, info, (Painter) chart::paint, 1);
  }

  /**
   * Saves a painted chart above the run's footer as {@code file} (a .png) and the same drawing as
   * an .svg beside it.
   */
  public static void save(Path file, RunInfo info, Painter painter, int scale) throws IOException {
    Painter framed =
        (g, width, height) -> {
          g.setColor(Color.WHITE);
          g.fillRect(0, 0, width, height);
          Graphics2D plot = (Graphics2D) g.create(0, 0, width, height - ChartTheme.FOOTER_HEIGHT);
          painter.paint(plot, width, height - ChartTheme.FOOTER_HEIGHT);
          plot.dispose();
          footer(g, info);
        };
    writePng(file, framed, Math.max(1, scale));
    writeSvg(svgOf(file), framed);
  }

  /** Saves a run's chart as {@code fileName} in its folder, at the context's scale. */
  static void save(ReportContext ctx, String fileName, Painter painter) throws IOException {
    save(ctx.runDir().resolve(fileName), ctx.result().info(), painter, ctx.chartScale());
  }

  /** The note of a run's chart that has nothing to plot. */
  static void saveNote(ReportContext ctx, String fileName, String title, String note, String detail)
      throws IOException {
    saveNote(
        ctx.runDir().resolve(fileName), ctx.result().info(), title, note, detail, ctx.chartScale());
  }

  /** The SVG file beside a chart's PNG. */
  public static Path svgOf(Path png) {
    String name = png.getFileName().toString();
    return png.resolveSibling(name.replaceFirst("\\.png$", "") + ".svg");
  }

  /**
   * A chart that has nothing to plot still renders: its title, a note saying why (e.g. "no
   * successful calls"), and the footer, so a report never shows a broken or blank image.
   */
  public static void saveNote(Path file, RunInfo info, String title, String note, String detail)
      throws IOException {
    saveNote(file, info, title, note, detail, 1);
  }

  static void saveNote(Path file, RunInfo info, String title, String note, String detail, int scale)
      throws IOException {
    save(
        file,
        info,
        (g, width, height) -> {
          g.setColor(ChartTheme.TEXT);
          g.setFont(ChartTheme.TITLE);
          centre(g, title, 60);
          g.setColor(new Color(0xF5, 0xF5, 0xF5));
          g.fillRoundRect(100, 120, width - 200, 420, 24, 24);
          g.setColor(ChartTheme.ALERT);
          g.setFont(ChartTheme.NOTE);
          centre(g, note, 300);
          if (detail != null && !detail.isEmpty()) {
            g.setColor(ChartTheme.TEXT);
            g.setFont(ChartTheme.AXIS_TITLE);
            centre(g, detail, 350);
          }
        },
        scale);
  }

  /** The image for a chart of successful calls when there were none, with the outcome counts. */
  static void saveNoSuccess(ReportContext ctx, String fileName, String title) throws IOException {
    OutcomeCounts all = ctx.result().outcomes();
    String detail =
        all.total() == 0
            ? "no measured attempt was recorded"
            : all.total() + " measured attempts: " + ChartLabels.outcomes(all);
    saveNote(ctx, fileName, title, "No successful calls", detail);
  }

  private static void writePng(Path file, Painter painter, int scale) throws IOException {
    BufferedImage image =
        new BufferedImage(
            ChartTheme.WIDTH * scale, ChartTheme.HEIGHT * scale, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.scale(scale, scale);
    painter.paint(g, ChartTheme.WIDTH, ChartTheme.HEIGHT);
    g.dispose();
    Files.createDirectories(file.toAbsolutePath().getParent());
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("no PNG writer in this JVM; cannot write " + file);
    }
  }

  private static void writeSvg(Path file, Painter painter) throws IOException {
    VectorGraphics2D g = new VectorGraphics2D();
    painter.paint(g, ChartTheme.WIDTH, ChartTheme.HEIGHT);
    Document svg =
        Processors.get("svg")
            .getDocument(g.getCommands(), new PageSize(ChartTheme.WIDTH, ChartTheme.HEIGHT));
    try (OutputStream out = Files.newOutputStream(file)) {
      svg.writeTo(out);
    }
  }

  private static void footer(Graphics2D g, RunInfo info) {
    int top = ChartTheme.HEIGHT - ChartTheme.FOOTER_HEIGHT;
    g.setColor(ChartTheme.GRID);
    g.drawLine(14, top, ChartTheme.WIDTH - 14, top);
    g.setFont(ChartTheme.FOOTER);
    FontMetrics fm = g.getFontMetrics();
    int baseline = top + (ChartTheme.FOOTER_HEIGHT + fm.getAscent() - fm.getDescent()) / 2;
    g.setColor(ChartTheme.TEXT);
    g.drawString(footerText(info), 16, baseline);
    String right = "pitwall " + (info.pitwallVersion() == null ? "" : info.pitwallVersion());
    if (info.simulated()) {
      g.setFont(ChartTheme.FOOTER.deriveFont(java.awt.Font.BOLD));
      g.setColor(ChartTheme.ALERT);
      right = "SIMULATED: not a measurement of a real provider";
    }
    int width = g.getFontMetrics().stringWidth(right);
    g.drawString(right, ChartTheme.WIDTH - 16 - width, baseline);
  }

  /** "suite cap-theorem · 2026-01-31 12:00 UTC · target simulator". */
  static String footerText(RunInfo info) {
    String when =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC)
            .format(info.start());
    String text = "suite " + info.suite() + "  ·  " + when + "  ·  target " + info.target();
    return info.partial() ? text + "  ·  PARTIAL: " + info.partialReason() : text;
  }

  private static void centre(Graphics2D g, String text, int baseline) {
    int width = g.getFontMetrics().stringWidth(text);
    g.drawString(text, (ChartTheme.WIDTH - width) / 2, baseline);
  }
}
