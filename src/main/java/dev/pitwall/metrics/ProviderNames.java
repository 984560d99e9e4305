package dev.pitwall.metrics;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which display name each provider slug stands for, from endpoint data ({@code /endpoints}: {@code
 * tag} and {@code provider_name}; the simulator's profile alike). A suite asks for slugs ({@code
 * google-vertex}, {@code deepinfra/turbo}) and a response names a display name ({@code Google},
 * {@code DeepInfra}); the two are matched by looking the slug up here, never by comparing
 * spellings, because they need not resemble each other. A slug the data does not know matches only
 * itself (any case).
 */
public record ProviderNames(Map<String, String> bySlug) {
  public static final ProviderNames NONE = new ProviderNames(Map.of());

  /**
   * @param bySlug slug → display name, e.g. google-vertex → Google; kept sorted by slug, as the
   *     manifest stores it
   */
  public ProviderNames {
    bySlug = Collections.unmodifiableMap(new TreeMap<>(bySlug));
  }

  /**
   * The display name a slug stands for (a regional slug such as {@code google-vertex/europe} as its
   * base), or {@code name} itself when it is a display name or a slug the data does not know.
   */
  public String displayName(String name) {
    if (name == null) {
      return null;
    }
    String found = bySlug.get(name);
    int slash = name.indexOf('/');
    if (found == null && slash > 0) {
      found = bySlug.get(name.substring(0, slash));
    }
    if (found == null && slash > 0) {
      return name.substring(0, slash); // a region or variant of a slug the data does not know
    }
    return found != null ? found : name;
  }

  /** True when {@code a} and {@code b}, each a slug or a display name, are the same provider. */
  public boolean same(String a, String b) {
    return key(a).equals(key(b));
  }

  /**
   * One key for the spellings of one display name ("DeepInfra", "deepinfra"): lower-case letters
   * and digits. For grouping and colouring names a reply gave, never for matching a slug to a name
   * (that is {@link #same}).
   */
  public static String spellingKey(String displayName) {
    StringBuilder sb = new StringBuilder(displayName.length());
    for (int i = 0; i < displayName.length(); i++) {
      char c = Character.toLowerCase(displayName.charAt(i));
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The provider's identity for grouping: its display name, case folded. */
  public String key(String slugOrName) {
    return displayName(slugOrName).toLowerCase(Locale.ROOT);
  }
}
