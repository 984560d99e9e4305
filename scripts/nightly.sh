#!/usr/bin/env bash
# pitwall nightly: run each suite, compare it with its trailing history, exit non-zero when
# anything regressed or an SLO failed. Everything lands in $RESULTS/<suite>/ (run folders plus
# history.csv, which the run appends and the next night compares against).
#
# Usage: scripts/nightly.sh [SUITE...]            (default suite: nightly)
#
# Environment:
#   OPENROUTER_API_KEY  set: measure the real API; unset: the built-in simulator (marked simulated)
#   REQUIRE_KEY=1       fail (exit 3) instead of falling back to the simulator without a key
#   RESULTS             results folder (default: results)
#   LAST                trailing runs in the baseline (default: 7)
#   CONFIDENCE          Welch's t-test confidence (default: 0.99)
#   THRESHOLDS          extra compare options, e.g. "--threshold ttft=15% --threshold error_rate=0.05"
#   PITWALL_HOME        working folder with benchmarks/ (default: the repository root)
#   PITWALL             how to start pitwall (default: java -jar on the built jar, building it first)
#
# Exit code: 0 all good; 1 a regression or an SLO failure; otherwise the worst failure of a run
# (2 bad suite, 3 target unreachable, 4 budget exhausted, 130 interrupted).
set -uo pipefail
cd "${PITWALL_HOME:-$(dirname "$0")/..}" || exit 2

RESULTS="${RESULTS:-results}"
LAST="${LAST:-7}"
CONFIDENCE="${CONFIDENCE:-0.99}"
THRESHOLDS="${THRESHOLDS:-}"
SUITES=("$@")
[[ ${#SUITES[@]} -eq 0 ]] && SUITES=(nightly)

if [[ -n "${PITWALL:-}" ]]; then
  read -r -a PW <<<"$PITWALL"
elif [[ -f /opt/pitwall/pitwall.jar ]]; then
  PW=(java -jar /opt/pitwall/pitwall.jar)
else
  JAR=$(ls target/pitwall-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
  if [[ -z "$JAR" ]]; then
    mvn -B -q -DskipTests package || exit 2
    JAR=$(ls target/pitwall-*.jar | grep -v original | head -n 1)
  fi
  PW=(java -Djava.awt.headless=true -jar "$JAR")
fi

TARGET_ARGS=()
if [[ -n "${OPENROUTER_API_KEY:-}" ]]; then
  TARGET_ARGS=(--target openrouter)
  echo "nightly: measuring the real API (OPENROUTER_API_KEY is set)"
elif [[ "${REQUIRE_KEY:-0}" == "1" ]]; then
  echo "nightly: REQUIRE_KEY=1 but OPENROUTER_API_KEY is not set; set it as a secret" >&2
  exit 3
else
  TARGET_ARGS=(--target simulator)
  echo "nightly: no OPENROUTER_API_KEY: measuring the built-in simulator (results marked simulated)"
fi

worst=0
# Keeps the most serious exit code: any failure to run (2, 3, 4, 130) outranks a regression (1).
note() {
  local rc=$1
  if (( rc > worst )); then
    worst=$rc
  fi
}

for suite in "${SUITES[@]}"; do
  echo "== nightly: $suite"
  "${PW[@]}" run "$suite" --results "$RESULTS" "${TARGET_ARGS[@]}"
  rc=$?
  note "$rc"
  if (( rc > 1 )); then
    echo "nightly: $suite did not complete (exit $rc); no comparison" >&2
    continue
  fi
  # shellcheck disable=SC2086 # THRESHOLDS holds several options on purpose
  "${PW[@]}" compare "$RESULTS/$suite" --last "$LAST" --confidence "$CONFIDENCE" \
    --allow-no-baseline $THRESHOLDS
  rc=$?
  note "$rc"
  (( rc == 1 )) && echo "nightly: $suite REGRESSED (see $RESULTS/$suite/*/compare.md)" >&2
done

echo "nightly: exit $worst"
exit "$worst"
