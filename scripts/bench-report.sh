#!/usr/bin/env bash
# Reports in bounded memory (issue 23): a synthetic requests.csv of CALLS attempts (default
# 1,000,000) is rebuilt and reported under a 256 MB heap; prints the time and the peak heap in use.
#
#   scripts/bench-report.sh [CALLS] [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
# -Pbench: the benchmark programs live in src/bench, compiled (as test sources) only with it.
mvn -B -q -Pbench test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
JAVA_OPTS=${JAVA_OPTS:--Xmx256m}
java $JAVA_OPTS -cp "$CP" dev.pitwall.bench.ReportScale "${1:-1000000}" ${2:+"$2"}
