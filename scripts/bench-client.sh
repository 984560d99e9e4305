#!/usr/bin/env bash
# Benchmarks of the client (issue 5 item 9): JMH parse rate and allocation, then the macro run
# (timing overhead on loopback, end-to-end read rate, parse rate per CPU-second) for both
# transports. Usage: scripts/bench-client.sh [quick]   — "quick" shortens the JMH run.
# Prints numbers only; nothing here is asserted. Loopback (127.0.0.1) only.
set -euo pipefail
cd "$(dirname "$0")/.."

# -Pbench: the benchmarks live in src/bench, compiled (as test sources) only with this profile.
mvn -B -q -Pbench test-compile
mvn -B -q -Pbench org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
  -Dmdep.outputFile=target/bench-client.cp -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench-client.cp)"

if [[ "${1:-}" == "quick" ]]; then
  JMH_OPTS=(-wi 3 -i 3 -w 1 -r 1 -f 1)
else
  JMH_OPTS=(-wi 5 -i 5 -w 2 -r 2 -f 1)
fi

echo "== JMH: SSE parse rate (ops = events/s) and allocation per event (gc.alloc.rate.norm)"
java -cp "$CP" org.openjdk.jmh.Main 'dev\.pitwall\.client\.bench\.SseParseBenchmark' \
  "${JMH_OPTS[@]}" -prof gc -rf json -rff target/bench-client-jmh.json \
  | grep -E '^(Benchmark|SseParseBenchmark)' | grep -v -E 'gc\.(count|time|alloc\.rate) '

echo
echo "== Macro: client timing overhead and end-to-end read rate on loopback"
java -cp "$CP" dev.pitwall.client.bench.ClientOverheadBenchmark 2000 1000 100000
echo
echo "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
