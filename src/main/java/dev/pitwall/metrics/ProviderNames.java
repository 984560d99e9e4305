package dev.pitwall.metrics;

/**
 * Compares provider names across their two spellings: the routing slug a suite asks for ({@code
 * "google-vertex"}, {@code "deepinfra/turbo"}) and the display name a response names ({@code
 * "Google Vertex"}, {@code "DeepInfra"}).
 */
public final class ProviderNames {
  private ProviderNames() {}

  /** Lower case, letters and digits only, variant suffix after '/' dropped. */
  public static String normalise(String name) {
    int slash = name.indexOf('/');
    String base = slash < 0 ? name : name.substring(0, slash);
    StringBuilder sb = new StringBuilder(base.length());
    for (int i = 0; i < base.length(); i++) {
      char c = Character.toLowerCase(base.charAt(i));
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  public static boolean same(String a, String b) {
    return normalise(a).equals(normalise(b));
  }
}
