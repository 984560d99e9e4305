package dev.pitwall.metrics;

import java.util.Comparator;
import java.util.Objects;

/**
 * One reported series: a cell (prompt × model × requested route) and the provider that actually
 * served. A cell routed freely can yield several series, one per serving provider.
 */
public record SeriesKey(
    String cellId, String promptId, String model, String requestedProvider, String servedProvider)
    implements Comparable<SeriesKey> {

  /**
   * The served provider of a cell's own level: every provider that served it, merged (see {@link
   * RunResult#cells()}).
   */
  public static final String ALL_PROVIDERS = "all";

  private static final Comparator<SeriesKey> ORDER =
      Comparator.comparing(SeriesKey::cellId).thenComparing(SeriesKey::servedProvider);

  public SeriesKey {
    Objects.requireNonNull(cellId, "cellId");
    Objects.requireNonNull(promptId, "promptId");
    Objects.requireNonNull(model, "model");
    requestedProvider = requestedProvider == null ? "auto" : requestedProvider;
    servedProvider =
        servedProvider == null || servedProvider.isBlank() ? "unknown" : servedProvider;
  }

  /**
   * The series of an attempt. An attempt that names no serving provider (it failed before any
   * response said who served) is filed under the provider its cell pinned, or "unknown" when the
   * cell routes freely.
   */
  public static SeriesKey of(CallRecord r) {
    String served = r.servedProvider();
    if (served == null || served.isBlank()) {
      boolean pinned = r.requestedProvider() != null && !"auto".equals(r.requestedProvider());
      served = pinned ? r.requestedProvider() : null;
    }
    return new SeriesKey(r.cellId(), r.promptId(), r.model(), r.requestedProvider(), served);
  }

  /** The key of a cell's level: all its providers merged. */
  public static SeriesKey cell(String cellId, String promptId, String model, String requested) {
    return new SeriesKey(cellId, promptId, model, requested, ALL_PROVIDERS);
  }

  /** True for a cell's level (all providers merged), false for one served provider's series. */
  public boolean isCell() {
    return ALL_PROVIDERS.equals(servedProvider);
  }

  /**
   * What a reader asked for: the model, or "model@provider" when the cell pinned a provider. A
   * cell's level is named by it; a provider's series adds the provider that served.
   */
  public String cellLabel() {
    return "auto".equals(requestedProvider) ? model : model + "@" + requestedProvider;
  }

  /**
   * "model [provider]", the label charts and tables show; a cell's level is its {@link #cellLabel}.
   */
  public String label() {
    return isCell() ? cellLabel() : model + " [" + servedProvider + "]";
  }

  /**
   * A tag safe for hlog files and file names: letters, digits and {@code . _ @ -}, anything else an
   * underscore. Spelled out rather than a regex: tags are made at every iteration's end, and a
   * regex compiled each time had the JIT compiling its parser among a run's measured calls.
   */
  public String tag() {
    String raw = cellId + "@" + servedProvider;
    StringBuilder safe = new StringBuilder(raw.length());
    raw.codePoints().forEach(c -> safe.append(isTagSafe(c) ? (char) c : '_'));
    return safe.toString();
  }

  private static boolean isTagSafe(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == '@'
        || c == '-';
  }

  @Override
  public int compareTo(SeriesKey o) {
    return ORDER.compare(this, o);
  }
}
