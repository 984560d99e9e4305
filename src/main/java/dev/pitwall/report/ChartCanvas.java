package dev.pitwall.report;

import dev.pitwall.metrics.RunInfo;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Paints one or more XChart charts side by side into one PNG with pitwall's footer (suite, date,
 * target, and "SIMULATED" in red when the target was the simulator). Headless: it draws into a
 * {@link BufferedImage}, never a window.
 */
final class ChartCanvas {
  private ChartCanvas() {}

  /** Paints {@code charts} left to right; {@code widths} in pixels must sum to the image width. */
  static void save(Path file, RunInfo info, List<? extends Chart<?, ?>> charts, int[] widths)
      throws IOException {
    BufferedImage image = blank();
    Graphics2D g = graphics(image);
    int x = 0;
    int plotHeight = ChartStyle.HEIGHT - ChartStyle.FOOTER_HEIGHT;
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

  static void save(Path file, RunInfo info, Chart<?, ?> chart) throws IOException {
    save(file, info, List.of(chart), new int[] {ChartStyle.WIDTH});
  }

  /**
   * A chart that has nothing to plot still renders: its title, a note saying why (e.g. "no
   * successful calls"), and the footer, so a report never shows a broken or blank image.
   */
  static void saveNote(Path file, RunInfo info, String title, String note, String detail)
      throws IOException {
    BufferedImage image = blank();
    Graphics2D g = graphics(image);
    g.setColor(ChartStyle.TEXT);
    g.setFont(ChartStyle.TITLE);
    centre(g, title, 60);
    g.setColor(new Color(0xF5, 0xF5, 0xF5));
    g.fillRoundRect(100, 120, ChartStyle.WIDTH - 200, 420, 24, 24);
    g.setColor(ChartStyle.SIMULATED);
    g.setFont(ChartStyle.NOTE);
    centre(g, note, 300);
    if (detail != null && !detail.isEmpty()) {
      g.setColor(ChartStyle.TEXT);
      g.setFont(ChartStyle.AXIS_TITLE);
      centre(g, detail, 350);
    }
    footer(g, info);
    g.dispose();
    write(file, image);
  }

  private static BufferedImage blank() {
    BufferedImage image =
        new BufferedImage(ChartStyle.WIDTH, ChartStyle.HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, ChartStyle.WIDTH, ChartStyle.HEIGHT);
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
    int top = ChartStyle.HEIGHT - ChartStyle.FOOTER_HEIGHT;
    g.setColor(ChartStyle.GRID);
    g.drawLine(14, top, ChartStyle.WIDTH - 14, top);
    g.setFont(ChartStyle.FOOTER);
    FontMetrics fm = g.getFontMetrics();
    int baseline = top + (ChartStyle.FOOTER_HEIGHT + fm.getAscent() - fm.getDescent()) / 2;
    g.setColor(ChartStyle.TEXT);
    g.drawString(ChartStyle.footer(info), 16, baseline);
    String right = "pitwall " + (info.pitwallVersion() == null ? "" : info.pitwallVersion());
    if (info.simulated()) {
      g.setFont(ChartStyle.FOOTER.deriveFont(java.awt.Font.BOLD));
      g.setColor(ChartStyle.SIMULATED);
      right = "SIMULATED: not a measurement of a real provider";
    }
    int width = g.getFontMetrics().stringWidth(right);
    g.drawString(right, ChartStyle.WIDTH - 16 - width, baseline);
  }

  private static void centre(Graphics2D g, String text, int baseline) {
    int width = g.getFontMetrics().stringWidth(text);
    g.drawString(text, (ChartStyle.WIDTH - width) / 2, baseline);
  }

  private static void write(Path file, BufferedImage image) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("no PNG writer in this JVM; cannot write " + file);
    }
  }
}
