package dev.pitwall.suite.internal;

import dev.pitwall.suite.KnownModels;
import dev.pitwall.suite.ModelSpec;
import dev.pitwall.suite.RequestParams;
import dev.pitwall.suite.Route;
import dev.pitwall.suite.internal.Node.Mapping;
import dev.pitwall.suite.internal.Node.Scalar;
import dev.pitwall.suite.internal.Node.ScalarType;
import dev.pitwall.suite.internal.Node.Sequence;
import dev.pitwall.text.Suggest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Binds {@code models:} and the request parameters. Layering: the suite's {@code request} &lt; a
 * model's {@code request} and {@code json_mode} &lt; the {@code -D} overrides, field by field.
 */
final class ModelBinder {
  static final List<String> MODEL_KEYS =
      List.of(
          "id",
          "label",
          "providers",
          "free_routing",
          "order",
          "allow_fallbacks",
          "only",
          "ignore",
          "require_parameters",
          "data_collection",
          "sort",
          "fallback_models",
          "json_mode",
          "request");
  static final List<String> REQUEST_KEYS =
      List.of(
          "max_tokens",
          "temperature",
          "top_p",
          "seed",
          "stop",
          "stream",
          "json_mode",
          "response_format",
          "reasoning",
          "extra",
          "gzip");
  private static final List<String> RESPONSE_FORMATS =
      List.of("text", "json_object", "json_schema");
  private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9][\\w.-]*/[\\w.:-]+");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]*(/[a-z0-9._-]+)?");

  private final Fields f;
  private final KnownModels known;

  /**
   * Each bound model with the node it came from and the providers it names (providers, order, only)
   * with theirs, for cross-checks that need a position.
   */
  record Bound(ModelSpec spec, Node node, Map<String, Node> providerNodes) {}

  ModelBinder(Fields fields, KnownModels known) {
    this.f = fields;
    this.known = known;
  }

  List<Bound> bind(Node models, Mapping suiteRequest, Mapping overrideRequest) {
    List<Bound> out = new ArrayList<>();
    if (models == null || Fields.isNull(models)) {
      return out;
    }
    if (!(models instanceof Sequence seq)) {
      f.problems()
          .add(
              models,
              "models must be a list, not " + models.kind(),
              "write '- author/model' items");
      return out;
    }
    Draft suiteDraft = request(suiteRequest, "request");
    Draft overrideDraft = request(overrideRequest, "the -D overrides");
    for (Node item : seq.items()) {
      Bound b = model(item, suiteDraft, overrideDraft);
      if (b != null) {
        out.add(b);
      }
    }
    return out;
  }

  private Bound model(Node item, Draft suiteDraft, Draft overrideDraft) {
    if (item instanceof Scalar s && s.type() == ScalarType.STRING) {
      if (!checkId(s.text(), s)) {
        return null;
      }
      RequestParams params = suiteDraft.then(overrideDraft).toParams();
      return new Bound(new ModelSpec(s.text(), null, false, null, params), item, Map.of());
    }
    if (item instanceof Scalar) {
      f.problems()
          .add(
              item,
              "a model must be an id like author/name, not " + item.kind(),
              "quote it or fix it");
      return null;
    }
    Mapping m = f.mapping(item, "a models item");
    if (m == null) {
      return null;
    }
    f.onlyKeys(m, "a model", MODEL_KEYS);
    Node idNode = f.required(m, "id", "a model with settings", "id: openai/gpt-4o");
    String id = f.string(idNode, "id");
    boolean idOk = id != null && checkId(id, idNode);
    List<String> providers = slugs(m, "providers");
    Boolean free = f.bool(m, "free_routing");
    List<String> order = slugs(m, "order");
    if (providers != null && providers.isEmpty()) {
      f.problems()
          .add(
              m.get("providers"),
              "providers is empty",
              "list at least one provider slug, or remove the key");
    }
    if (providers != null && order != null) {
      f.problems()
          .add(
              m.get("order"),
              "a model has either 'providers' (one pinned cell each) or 'order' (one routed cell),"
                  + " not both",
              "keep 'providers' to compare providers side by side, or 'order' to test fallbacks");
    }
    if (providers != null && !Boolean.TRUE.equals(free)) {
      for (String key : List.of("allow_fallbacks", "only", "ignore", "sort")) {
        if (m.get(key) != null) {
          f.problems()
              .add(
                  m.get(key),
                  key + " would be ignored: with 'providers' every cell is pinned",
                  "add 'free_routing: true' to apply it to a free-routing cell, or remove it");
        }
      }
    }
    if (free != null && providers == null) {
      f.problems()
          .add(
              m.get("free_routing"),
              "free_routing only applies with a 'providers' list",
              "add 'providers: [...]' or remove free_routing");
    }
    List<String> only = slugs(m, "only");
    Route route =
        new Route(
            order,
            f.bool(m, "allow_fallbacks"),
            only,
            slugs(m, "ignore"),
            f.bool(m, "require_parameters"),
            f.choice(m, "data_collection", List.of("allow", "deny")),
            f.choice(m, "sort", List.of("price", "throughput", "latency")));
    List<String> fallbacks = f.strings(m, "fallback_models");
    if (fallbacks != null) {
      Node fb = m.get("fallback_models");
      for (String fallback : fallbacks) {
        checkId(fallback, fb);
      }
    }
    Draft own = request(f.mapping(m.get("request"), "request"), "request");
    Boolean jsonMode = f.bool(m, "json_mode");
    if (jsonMode != null) {
      own.jsonMode = jsonMode;
    }
    if (fallbacks != null && !fallbacks.isEmpty()) {
      own.extra.put("models", List.copyOf(fallbacks));
    }
    if (!idOk) {
      return null;
    }
    Map<String, Node> providerNodes = new LinkedHashMap<>();
    Map<String, List<String>> named = new LinkedHashMap<>();
    named.put("providers", providers);
    named.put("order", order);
    named.put("only", only);
    named.forEach(
        (key, slugs) -> {
          if (m.get(key) instanceof Sequence items) {
            for (Node p : items.items()) {
              if (p instanceof Scalar s) {
                providerNodes.putIfAbsent(s.text(), p);
              }
            }
          } else if (slugs != null) {
            slugs.forEach(p -> providerNodes.putIfAbsent(p, m.get(key)));
          }
        });
    checkProviders(id, providerNodes);
    RequestParams params = suiteDraft.then(own).then(overrideDraft).toParams();
    ModelSpec spec =
        new ModelSpec(
            id,
            providers,
            Boolean.TRUE.equals(free),
            route,
            params,
            fallbacks,
            f.string(m, "label"));
    return new Bound(spec, m, providerNodes);
  }

  private boolean checkId(String id, Node at) {
    if (!MODEL_ID.matcher(id).matches()) {
      f.problems()
          .add(
              at,
              "'" + id + "' is not a model id",
              "model ids look like author/name, e.g. openai/gpt-4o");
      return false;
    }
    if (!known.checksIds() || known.isCurrent(id)) {
      return true;
    }
    int colon = id.indexOf(':');
    String base = colon < 0 ? id : id.substring(0, colon);
    if (colon >= 0 && !KnownModels.VARIANTS.contains(id.substring(colon + 1))) {
      f.problems()
          .add(
              at,
              "'" + id.substring(colon) + "' is not an OpenRouter model variant",
              "use one of :" + String.join(", :", KnownModels.VARIANTS) + ", or none");
      return false;
    }
    if (known.isCurrent(base)) {
      return true;
    }
    String author = base.substring(0, base.indexOf('/'));
    Optional<KnownModels.Retired> gone = known.retired(base);
    if (gone.isPresent()) {
      f.problems()
          .add(
              at,
              id + " is not offered by OpenRouter (retired " + gone.get().date() + ")",
              newest(author, gone.get().successor()));
      return false;
    }
    List<String> near = Suggest.nearest(base, known.ids(), 3);
    f.problems()
        .add(
            at,
            "unknown model '" + id + "'",
            near.isEmpty()
                ? "list the models with 'pitwall providers' and use one of their ids"
                : "did you mean "
                    + String.join(" or ", near.stream().map(n -> "'" + n + "'").toList())
                    + "?");
    return false;
  }

  /** The hint for a retired model: its successor, then the author's newest models with dates. */
  private String newest(String author, String successor) {
    String list =
        known.newest(author, 3).stream()
            .map(c -> c.id() + " (" + LocalDate.ofEpochDay(c.created() / 86_400) + ")")
            .collect(Collectors.joining(", "));
    String head = successor == null ? "" : "its successor is " + successor + "; ";
    return list.isEmpty()
        ? head + "list the models with 'pitwall providers'"
        : head + "newest models of " + author + ": " + list;
  }

  /**
   * Each provider slug a cell pins or orders (not {@code ignore}, where a stranger is harmless)
   * must serve the model, when the catalog lists its providers.
   */
  private void checkProviders(String id, Map<String, Node> providerNodes) {
    Map<String, String> served = known.providersOf(id);
    if (served.isEmpty()) {
      return;
    }
    providerNodes.forEach(
        (slug, node) -> {
          int slash = slug.indexOf('/');
          String base = slash < 0 ? slug : slug.substring(0, slash);
          if (!served.containsKey(slug) && !served.containsKey(base)) {
            f.problems()
                .add(
                    node,
                    "provider '" + slug + "' does not serve " + id,
                    "its providers: "
                        + served.entrySet().stream()
                            .map(e -> e.getKey() + " (" + e.getValue() + ")")
                            .collect(Collectors.joining(", ")));
          }
        });
  }

  private List<String> slugs(Mapping m, String key) {
    List<String> values = f.strings(m, key);
    if (values == null) {
      return null;
    }
    for (String v : values) {
      if (!SLUG.matcher(v).matches()) {
        f.problems()
            .add(
                m.get(key),
                "'" + v + "' in " + key + " is not a provider slug",
                "use the lower-case slug, e.g. amazon-bedrock, google-vertex, deepinfra/turbo");
      }
    }
    return values;
  }

  /** Request parameters as read from one layer; null fields are "not set in this layer". */
  private Draft request(Mapping m, String where) {
    Draft d = new Draft();
    if (m == null) {
      return d;
    }
    f.onlyKeys(m, where, REQUEST_KEYS);
    d.maxTokens = f.integer(m, "max_tokens", 1);
    d.temperature = f.number(m, "temperature", 0, 2);
    d.topP = f.number(m, "top_p", 0, 1);
    Node seed = m.get("seed");
    d.seed = seed == null ? null : f.longValue(seed, "seed", Long.MIN_VALUE);
    d.stop = f.strings(m, "stop");
    if (d.stop != null && d.stop.size() > 4) {
      f.problems()
          .add(
              m.get("stop"),
              "stop takes at most 4 sequences, not " + d.stop.size(),
              "keep the 4 that matter");
    }
    d.stream = f.bool(m, "stream");
    d.jsonMode = f.bool(m, "json_mode");
    d.gzip = f.bool(m, "gzip");
    Node format = m.get("response_format");
    if (format != null) {
      Object plain = Plain.of(format, f.problems());
      if (plain instanceof Map<?, ?> map
          && map.get("type") instanceof String type
          && RESPONSE_FORMATS.contains(type)) {
        d.jsonMode = !type.equals("text");
        d.extra.put("response_format", plain);
      } else {
        f.problems()
            .add(
                format,
                "response_format must be a mapping with a 'type' (text, json_object or json_schema)",
                "write {type: json_object}, or use 'json_mode: true'");
      }
    }
    Node reasoning = m.get("reasoning");
    if (reasoning instanceof Scalar s && s.type() == ScalarType.STRING) {
      d.extra.put("reasoning", Map.of("effort", s.text()));
    } else if (reasoning instanceof Mapping) {
      d.extra.put("reasoning", Plain.of(reasoning, f.problems()));
    } else if (reasoning != null) {
      f.problems()
          .add(
              reasoning,
              "reasoning must be an effort (low, medium, high) or a mapping",
              "write 'reasoning: low' or 'reasoning: {effort: low}'");
    }
    Mapping extra = f.mapping(m.get("extra"), "extra");
    if (extra != null) {
      for (Node.Entry e : extra.entries().values()) {
        d.extra.put(e.key(), Plain.of(e.value(), f.problems()));
      }
    }
    return d;
  }

  /** One layer of request parameters. */
  private static final class Draft {
    Integer maxTokens;
    Double temperature;
    Double topP;
    Long seed;
    List<String> stop;
    Boolean stream;
    Boolean jsonMode;
    Boolean gzip;
    final Map<String, Object> extra = new LinkedHashMap<>();

    /** This layer with {@code over}'s set fields on top. */
    Draft then(Draft over) {
      Draft d = new Draft();
      d.maxTokens = over.maxTokens != null ? over.maxTokens : maxTokens;
      d.temperature = over.temperature != null ? over.temperature : temperature;
      d.topP = over.topP != null ? over.topP : topP;
      d.seed = over.seed != null ? over.seed : seed;
      d.stop = over.stop != null ? over.stop : stop;
      d.stream = over.stream != null ? over.stream : stream;
      d.jsonMode = over.jsonMode != null ? over.jsonMode : jsonMode;
      d.gzip = over.gzip != null ? over.gzip : gzip;
      d.extra.putAll(extra);
      d.extra.putAll(over.extra);
      return d;
    }

    RequestParams toParams() {
      RequestParams def = RequestParams.DEFAULTS;
      Map<String, Object> body = new LinkedHashMap<>(extra);
      if (Boolean.FALSE.equals(jsonMode)) {
        // json_mode: false in a later layer switches off a response_format set earlier
        body.remove("response_format");
      }
      return new RequestParams(
          maxTokens,
          temperature,
          topP,
          seed,
          stop,
          stream == null ? def.stream() : stream,
          jsonMode == null ? def.jsonMode() : jsonMode,
          body,
          gzip == null ? def.gzip() : gzip);
    }
  }
}
