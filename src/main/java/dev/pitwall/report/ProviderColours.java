package dev.pitwall.report;

import dev.pitwall.metrics.ProviderNames;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One colour per provider that does not change between charts: well-known providers keep theirs
 * across runs, the others take the next free palette colour in name order, so reruns agree.
 */
public final class ProviderColours {
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

  private final Map<String, Color> colours;

  private ProviderColours(Map<String, Color> colours) {
    this.colours = colours;
  }

  /** Assigns colours to the providers of one run, in name order so reruns agree. */
  public static ProviderColours forProviders(Collection<String> providers) {
    Map<String, Color> colours = new LinkedHashMap<>();
    List<Color> free = new ArrayList<>(PALETTE);
    TreeSet<String> sorted = new TreeSet<>();
    providers.forEach(p -> sorted.add(ProviderNames.spellingKey(p)));
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
    return new ProviderColours(colours);
  }

  private static Color known(String normalised) {
    for (Map.Entry<String, Color> e : KNOWN.entrySet()) {
      if (normalised.startsWith(e.getKey())) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The colours of the providers that served a run's series. */
  static ProviderColours of(ReportContext ctx) {
    return forProviders(ctx.result().series().stream().map(s -> s.key().servedProvider()).toList());
  }

  /** The provider's colour; dark grey for one this palette was not made for. */
  public Color colour(String provider) {
    return colours.getOrDefault(ProviderNames.spellingKey(provider), Color.DARK_GRAY);
  }
}
