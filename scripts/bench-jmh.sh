#!/usr/bin/env bash
# Runs pitwall's JMH micro-benchmarks (hot paths: metrics recording, SSE parsing, ...).
#   scripts/bench-jmh.sh                 # all benchmarks
#   scripts/bench-jmh.sh Metrics -prof gc   # a regex of benchmark names, then any JMH options
# JMH is run with `java -cp` (not exec:java, whose forks cannot find JMH's ForkedMain).
set -euo pipefail
cd "$(dirname "$0")/.."
# -Pbench: the benchmarks live in src/bench, compiled (as test sources, with JMH) only with it.
mvn -B -q -Pbench test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
exec java -cp "$CP" org.openjdk.jmh.Main "${@:-.*}"
