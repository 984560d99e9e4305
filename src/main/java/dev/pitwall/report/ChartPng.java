package dev.pitwall.report;

import dev.pitwall.metrics.OutcomeCounts;
import dev.pitwall.metrics.RunInfo;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes charts as PNG files: one or more XChart charts side by side, or the "nothing to plot"
 * image, each stamped with pitwall's footer (suite, date, target, and "SIMULATED" in red when the
 * target was the simulator). Headless: it draws into a {@link BufferedImage}, never a window.
 */
public final class ChartPng {
  private ChartPng() {}

  /** Paints {@code charts} left to right; {@code widths} in pixels must sum to the image width. */
  static void save(Path file, RunInfo info, List<? extends Chart<?, ?>> charts, int[] widths)
      throws IOException {
    BufferedImage image = blank();
    Graphics2D g = graphics(image);
    int x = 0;
    int plotHeight = ChartTheme.HEIGHT - ChartTheme.FOOTER_HEIGHT;
    for (int i = 0; i < charts.size(); i++) {
      Graphics2D part = (Graphics2D) g.create(x, 0, widths[i], plotHeight);
      charts.get(i).paint(part, widths[i], plotHeight);
      part.dispose();
      x += widths[i];
    }
    footer(g, info);
    g.dispose();
    write(file, image);
  }

  /** Saves one chart with the run's footer. */
  public static void save(Path file, RunInfo info, Chart<?, ?> chart) throws IOException {
    save(file, info, List.of(chart), new int[] {ChartTheme.WIDTH});
  }

  /**
   * A chart that has nothing to plot still renders: its title, a note saying why (e.g. "no
   * successful calls"), and the footer, so a report never shows a broken or blank image.
   */
  public static void saveNote(Path file, RunInfo info, String title, String note, String detail)
      throws IOException {
    BufferedImage image = blank();
    Graphics2D g = graphics(image);
    g.setColor(ChartTheme.TEXT);
    g.setFont(ChartTheme.TITLE);
    centre(g, title, 60);
    g.setColor(new Color(0xF5, 0xF5, 0xF5));
    g.fillRoundRect(100, 120, ChartTheme.WIDTH - 200, 420, 24, 24);
    g.setColor(ChartTheme.ALERT);
    g.setFont(ChartTheme.NOTE);
    centre(g, note, 300);
    if (detail != null && !detail.isEmpty()) {
      g.setColor(ChartTheme.TEXT);
      g.setFont(ChartTheme.AXIS_TITLE);
      centre(g, detail, 350);
    }
    footer(g, info);
    g.dispose();
    write(file, image);
  }

  /** The image for a chart of successful calls when there were none, with the outcome counts. */
  static void saveNoSuccess(ReportContext ctx, String fileName, String title) throws IOException {
    OutcomeCounts all = ctx.result().outcomes();
    String detail =
        all.total() == 0
            ? "no measured attempt was recorded"
            : all.total() + " measured attempts: " + ChartLabels.outcomes(all);
    saveNote(
        ctx.runDir().resolve(fileName), ctx.result().info(), title, "No successful calls", detail);
  }

  private static BufferedImage blank() {
    BufferedImage image =
        new BufferedImage(ChartTheme.WIDTH, ChartTheme.HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, ChartTheme.WIDTH, ChartTheme.HEIGHT);
    g.dispose();
    return image;
  }

  private static Graphics2D graphics(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    return g;
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

  private static void write(Path file, BufferedImage image) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("no PNG writer in this JVM; cannot write " + file);
    }
  }
}
