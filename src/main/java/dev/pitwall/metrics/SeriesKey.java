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

  /** "model [provider]", the label charts and tables show. */
  public String label() {
    return model + " [" + servedProvider + "]";
  }

  /** A tag safe for hlog files and file names: no spaces, commas or slashes. */
  public String tag() {
    return (cellId + "@" + servedProvider).replaceAll("[^A-Za-z0-9._@-]", "_");
  }

  @Override
  public int compareTo(SeriesKey o) {
    return ORDER.compare(this, o);
  }
}
