package dev.pitwall.suite;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a catalog says about the model ids and provider slugs a suite names: the models it serves
 * (with when they were added and, when known, the providers that serve them), the models it no
 * longer serves, and OpenRouter's variant suffixes. {@link #NONE} checks nothing, for a target
 * without a catalog. Provider names come from endpoint data, so that a slug ({@code google-vertex})
 * and the display name a reply carries ({@code Google}) are matched by lookup, never by comparing
 * spellings.
 */
public final class KnownModels {
  /**
   * OpenRouter's model variants, as its docs list them: {@code :free}, {@code :nitro} (sort by
   * throughput), {@code :floor} (sort by price), {@code :online} (web search), {@code :thinking},
   * {@code :extended} (longer context) and {@code :exacto} (tool-calling quality).
   */
  public static final List<String> VARIANTS =
      List.of("free", "nitro", "floor", "online", "thinking", "extended", "exacto");

  /** A model the catalog serves; {@code created} in Unix seconds (0 when unknown). */
  public record Current(String id, long created) {}

  /** A model the catalog no longer serves, since {@code date}; successor may be null. */
  public record Retired(String id, String date, String successor) {}

  public static final KnownModels NONE = new KnownModels(List.of(), List.of(), id -> Map.of());

  private final Map<String, Current> current = new LinkedHashMap<>();
  private final Map<String, Retired> retired = new LinkedHashMap<>();
  private final Function<String, Map<String, String>> providers;
  private final Map<String, Map<String, String>> byModel = new ConcurrentHashMap<>();

  /**
   * @param providers model id → its providers, slug → display name, in the catalog's order; an
   *     empty map when the catalog does not say (then slugs are not checked). Called at most once
   *     per model a suite names, so it may fetch.
   */
  public KnownModels(
      Collection<Current> current,
      Collection<Retired> retired,
      Function<String, Map<String, String>> providers) {
    current.forEach(c -> this.current.put(c.id(), c));
    retired.stream()
        .filter(r -> !this.current.containsKey(r.id()))
        .forEach(r -> this.retired.put(r.id(), r));
    this.providers = providers;
  }

  /** True when the catalog lists models, so an id outside it is a problem. */
  public boolean checksIds() {
    return !current.isEmpty();
  }

  public Set<String> ids() {
    return current.keySet();
  }

  public boolean isCurrent(String id) {
    return current.containsKey(id);
  }

  public Optional<Retired> retired(String id) {
    return Optional.ofNullable(retired.get(id));
  }

  /** The author's {@code n} newest current models, newest first. */
  public List<Current> newest(String author, int n) {
    return current.values().stream()
        .filter(c -> c.id().startsWith(author + "/"))
        .sorted(Comparator.comparingLong(Current::created).reversed())
        .limit(n)
        .toList();
  }

  /**
   * Slug → display name of the providers serving {@code id} (a variant as its base model); empty
   * when unknown. Fetched once per model.
   */
  public Map<String, String> providersOf(String id) {
    int colon = id.indexOf(':');
    String base = colon < 0 || isCurrent(id) ? id : id.substring(0, colon);
    if (!current.containsKey(base)) {
      return Map.of();
    }
    return byModel.computeIfAbsent(
        base,
        m -> {
          Map<String, String> p = providers.apply(m);
          return p == null ? Map.of() : Map.copyOf(p);
        });
  }

  /** Slug → display name of every provider serving any of {@code ids}. */
  public Map<String, String> providersOf(Collection<String> ids) {
    Map<String, String> out = new LinkedHashMap<>();
    ids.forEach(id -> providersOf(id).forEach(out::putIfAbsent));
    return out;
  }
}
