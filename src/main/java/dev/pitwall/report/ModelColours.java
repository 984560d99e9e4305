package dev.pitwall.report;

import dev.pitwall.metrics.SeriesKey;
import java.awt.Color;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One colour per model (per cell: a pinned cell is its own "model@provider"), from the Okabe-Ito
 * palette, which stays distinguishable under the common colour-vision deficiencies; the providers
 * that served a cell take lighter and darker shades of its colour, so a chart reads "which model"
 * at a glance and "which provider" on a closer look. Cells take colours in name order, so reruns of
 * a suite agree; the yellow of the palette is left out (unreadable on white).
 */
public final class ModelColours {
  /** Okabe & Ito (2008), "Color Universal Design": blue, orange, green, purple, vermillion, ... */
  private static final List<Color> PALETTE =
      List.of(
          new Color(0x00, 0x72, 0xB2),
          new Color(0xE6, 0x9F, 0x00),
          new Color(0x00, 0x9E, 0x73),
          new Color(0xCC, 0x79, 0xA7),
          new Color(0xD5, 0x5E, 0x00),
          new Color(0x56, 0xB4, 0xE9),
          new Color(0x33, 0x33, 0x33));

  private final Map<String, Color> byCell = new HashMap<>();
  private final Map<SeriesKey, Integer> shadeOf = new HashMap<>();

  private ModelColours(Collection<SeriesKey> keys) {
    TreeSet<String> cells = new TreeSet<>();
    keys.forEach(k -> cells.add(k.cellId()));
    int next = 0;
    for (String cell : cells) {
      byCell.put(cell, PALETTE.get(next++ % PALETTE.size()));
    }
    Map<String, Integer> perCell = new HashMap<>();
    keys.stream()
        .filter(k -> !k.isCell())
        .sorted()
        .forEach(k -> shadeOf.put(k, perCell.merge(k.cellId(), 1, Integer::sum) - 1));
  }

  /** The colours of the cells and providers' series named by {@code keys}. */
  public static ModelColours of(Collection<SeriesKey> keys) {
    return new ModelColours(keys);
  }

  /** The colours of a run's cells and series. */
  static ModelColours of(ReportContext ctx) {
    List<SeriesKey> keys =
        ctx.result().series().stream().map(dev.pitwall.metrics.SeriesResult::key).toList();
    return of(keys);
  }

  /** A cell's colour; for a provider's series, a shade of its cell's colour. */
  public Color colour(SeriesKey key) {
    Color base = byCell.getOrDefault(key.cellId(), Color.DARK_GRAY);
    return key.isCell() ? base : shade(base, shadeOf.getOrDefault(key, 0));
  }

  /** The n-th provider of a cell: its colour, then lighter, darker, lighter still, ... */
  static Color shade(Color colour, int n) {
    return switch (n % 4) {
      case 0 -> colour;
      case 1 -> blend(colour, Color.WHITE, 0.45);
      case 2 -> blend(colour, Color.BLACK, 0.35);
      default -> blend(colour, Color.WHITE, 0.70);
    };
  }

  static Color blend(Color a, Color b, double share) {
    return new Color(
        (int) Math.round(a.getRed() * (1 - share) + b.getRed() * share),
        (int) Math.round(a.getGreen() * (1 - share) + b.getGreen() * share),
        (int) Math.round(a.getBlue() * (1 - share) + b.getBlue() * share));
  }
}
