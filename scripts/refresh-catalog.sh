#!/usr/bin/env bash
# Rewrites the simulator's bundled catalog snapshot from OpenRouter's live GET /models and, for
# each model already in the snapshot (or named with -m), GET /models/{id}/endpoints.
# Needs OPENROUTER_API_KEY, curl and python3. Never run by tests or CI. The key is sent in a header
# only and never printed. Latency models of endpoints already in the file are kept; new endpoints
# get a neutral one. Models that left /models move to `retired:` dated today.
#
#   scripts/refresh-catalog.sh [-m author/slug ...]
set -euo pipefail
: "${OPENROUTER_API_KEY:?set OPENROUTER_API_KEY to refresh the catalog from the live API}"
FILE=src/main/resources/dev/pitwall/sim/default-profile.yaml
BASE=${OPENROUTER_BASE_URL:-https://openrouter.ai/api/v1}
EXTRA=()
while getopts m: opt; do
  case $opt in
    m) EXTRA+=("$OPTARG") ;;
    *) echo "usage: $0 [-m author/slug ...]" >&2; exit 2 ;;
  esac
done
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fetch() { curl -fsS -H "Authorization: Bearer $OPENROUTER_API_KEY" "$BASE$1"; }
fetch /models >"$TMP/models.json"
for id in $(python3 -c 'import re,sys;print("\n".join(re.findall(r"^  - id: (\S+)",open(sys.argv[1]).read(),re.M)))' "$FILE") "${EXTRA[@]}"; do
  fetch "/models/$id/endpoints" >"$TMP/$(echo "$id" | tr / _).json" 2>/dev/null || true
done
python3 - "$FILE" "$TMP" <<'PY'
import datetime, glob, json, os, re, sys
path, tmp = sys.argv[1], sys.argv[2]
old = open(path).read()
lat = {}  # (model, slug) -> latency line kept from the current file
model = None
for line in old.splitlines():
    m = re.match(r"  - id: (\S+)", line)
    if m: model = m.group(1)
    s = re.match(r"        provider_slug: (\S+)", line)
    if s: slug = s.group(1)
    l = re.match(r"        latency: (.*)", line)
    if l and model: lat[(model, slug)] = l.group(1)
live = {m["id"]: m for m in json.load(open(os.path.join(tmp, "models.json")))["data"]}
today = datetime.date.today().isoformat()
out = ["# pitwall simulator: the bundled profile, a dated snapshot of OpenRouter's catalog.",
       f"# Catalog snapshot of {today}, from {os.environ.get('OPENROUTER_BASE_URL', 'https://openrouter.ai/api/v1')}"
       "/models and /models/{id}/endpoints (scripts/refresh-catalog.sh).",
       "# Latency models are illustrative; shape and every key: docs/simulator.md.", "", "models:"]
neutral = "{ttft_median_ms: 500, ttft_sigma: 0.3, tokens_per_second: 100, jitter: 0.2, tokens_per_chunk: 2, answer_tokens_median: 140, answer_tokens_sigma: 0.2}"
served, retired = [], re.findall(r"^  - id: (\S+)\n((?:    .*\n)+)", old.split("\nretired:\n")[1] if "\nretired:\n" in old else "", re.M)
for f in sorted(glob.glob(os.path.join(tmp, "*_*.json"))):
    try:
        data = json.load(open(f)).get("data") or {}
    except ValueError:  # the endpoints fetch failed: the model is skipped
        continue
    mid = data.get("id")
    if mid not in live or not data.get("endpoints"):
        continue
    m = live[mid]
    out += [f"  - id: {mid}", f"    name: {json.dumps(m.get('name', mid))}", f"    created: {m.get('created', 0)}",
            f"    description: {json.dumps((m.get('description') or '').split(chr(10))[0][:200])}",
            f"    context_length: {m.get('context_length') or 1}",
            f"    modality: {m.get('architecture', {}).get('modality', 'text->text')}",
            f"    tokenizer: {m.get('architecture', {}).get('tokenizer', 'Other')}", "    endpoints:"]
    for e in data["endpoints"]:
        p = e.get("pricing", {})
        out += [f"      - provider_name: {json.dumps(e['provider_name'])}", f"        provider_slug: {e['tag']}",
                f"        prompt_price: \"{p.get('prompt', '0')}\"", f"        completion_price: \"{p.get('completion', '0')}\"",
                f"        quantization: {e.get('quantization') or 'unknown'}",
                f"        context_length: {e.get('context_length') or m.get('context_length') or 1}",
                f"        max_completion_tokens: {e.get('max_completion_tokens') or e.get('context_length') or 1}",
                f"        supported_parameters: [{', '.join(e.get('supported_parameters') or [])}]",
                f"        latency: {lat.get((mid, e['tag']), neutral)}"]
    out.append("")
    served.append(mid)
gone = [mid for (mid, _) in lat if mid not in live]
out.append("retired:")
for mid, body in retired:
    out.append(f"  - id: {mid}"); out.append(body.rstrip("\n"))
for mid in sorted(set(gone)):
    out += [f"  - id: {mid}", f"    retired: {today}", "    note: absent from /models at refresh"]
out += ["", "faults: []", "rate_limits: {}", ""]
open(path, "w").write("\n".join(out))
print(f"{path}: {len(served)} models served, {len(retired) + len(set(gone))} retired", file=sys.stderr)
PY
