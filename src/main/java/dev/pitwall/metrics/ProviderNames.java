package dev.pitwall.metrics;

import java.util.Locale;

/**
 * Compares provider names across their two spellings: the routing slug a suite asks for ({@code
 * "google-vertex"}, {@code "deepinfra/turbo"}) and the display name a response names ({@code
 * "Google Vertex"}, {@code "DeepInfra"}).
 */
public final class ProviderNames {
  private ProviderNames() {}

  /** Lower case, letters and digits only, variant suffix after '/' dropped. */
  public static String normalise(String name) {
    String base = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
    return base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  public static boolean same(String a, String b) {
    return normalise(a).equals(normalise(b));
  }
}
