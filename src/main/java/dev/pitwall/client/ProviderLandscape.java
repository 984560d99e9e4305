package dev.pitwall.client;

import dev.pitwall.text.TextTable;
import dev.pitwall.text.TextTable.Align;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The tables behind {@code pitwall providers}, {@code models} and {@code endpoints}: pure functions
 * of the catalog and endpoint lists, rendered as an aligned console table or as CSV. A "provider"
 * of {@code /models} is the author part of a model id ({@code openai} of {@code openai/gpt-4o});
 * the upstream providers serving one model come from its endpoints.
 */
public final class ProviderLandscape {
  private ProviderLandscape() {}

  /** A table: a header and rows of the same width. */
  public record Table(List<String> header, List<List<String>> rows) {
    public Table {
      header = List.copyOf(header);
      rows = rows.stream().map(List::copyOf).toList();
    }
  }

  /** Providers (model authors) and their model counts, most models first, then by name. */
  public static Table providers(ModelCatalog catalog) {
    Map<String, Integer> counts = new TreeMap<>();
    for (ModelInfo m : catalog.models()) {
      counts.merge(m.author(), 1, Integer::sum);
    }
    List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(
        Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
            .reversed()
            .thenComparing(Map.Entry::getKey));
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, Integer> e : sorted) {
      rows.add(List.of(e.getKey(), String.valueOf(e.getValue())));
    }
    return new Table(List.of("provider", "models"), rows);
  }

  /** A provider's models (all when {@code provider} is null) with context length and prices. */
  public static Table models(ModelCatalog catalog, String provider) {
    List<List<String>> rows = new ArrayList<>();
    catalog.models().stream()
        .filter(m -> provider == null || m.author().equalsIgnoreCase(provider))
        .sorted(Comparator.comparing(ModelInfo::id))
        .forEach(
            m ->
                rows.add(
                    List.of(
                        m.id(),
                        m.contextLength() == null ? "" : String.valueOf(m.contextLength()),
                        perMillion(m.pricing().prompt()),
                        perMillion(m.pricing().completion()))));
    return new Table(
        List.of("model", "context", "prompt_usd_per_mtok", "completion_usd_per_mtok"), rows);
  }

  /** The upstream providers serving a model, cheapest completion first. */
  public static Table endpoints(List<Endpoint> endpoints) {
    List<Endpoint> sorted = new ArrayList<>(endpoints);
    sorted.sort(
        Comparator.comparing(
            (Endpoint e) -> e.pricing().completion(),
            Comparator.nullsLast(Comparator.naturalOrder())));
    List<List<String>> rows = new ArrayList<>();
    for (Endpoint e : sorted) {
      rows.add(
          List.of(
              nz(e.providerName()),
              nz(e.tag()),
              nz(e.quantization()),
              e.contextLength() == null ? "" : String.valueOf(e.contextLength()),
              perMillion(e.pricing().prompt()),
              perMillion(e.pricing().completion()),
              e.uptimeLast30m() == null ? "" : fmt(e.uptimeLast30m()),
              e.latencyP50Ms() == null ? "" : fmt(e.latencyP50Ms()),
              e.throughputP50() == null ? "" : fmt(e.throughputP50())));
    }
    return new Table(
        List.of(
            "provider",
            "tag",
            "quantization",
            "context",
            "prompt_usd_per_mtok",
            "completion_usd_per_mtok",
            "uptime_30m_pct",
            "ttft_p50",
            "tokens_per_s_p50"),
        rows);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }

  private static String perMillion(BigDecimal perToken) {
    BigDecimal m = Pricing.perMillion(perToken);
    return m == null ? "" : m.toPlainString();
  }

  /** Writes the table: CSV with a header line, or columns aligned for a console. */
  public static void render(Table t, boolean csv, PrintWriter out) {
    if (csv) {
      try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().get())) {
        p.printRecord(t.header());
        for (List<String> r : t.rows()) {
          p.printRecord(r);
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      out.flush();
      return;
    }
    List<Align> aligns = new ArrayList<>();
    for (int i = 0; i < t.header().size(); i++) {
      aligns.add(i > 0 && numeric(t, i) ? Align.RIGHT : Align.LEFT);
    }
    TextTable table = TextTable.of(aligns).header(t.header());
    t.rows().forEach(table::row);
    out.print(table.render());
    out.flush();
  }

  /** A column of figures (blanks allowed) is right-aligned; any text in it keeps it left. */
  private static boolean numeric(Table t, int column) {
    return t.rows().stream()
        .map(r -> r.get(column))
        .allMatch(c -> c.isEmpty() || Character.isDigit(c.charAt(0)) || c.charAt(0) == '-');
  }
}
