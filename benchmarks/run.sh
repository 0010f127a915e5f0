#!/usr/bin/env bash
# Builds the benchmarks module (and what it needs) and runs every benchmark with the default sizes.
# Options are passed on to the program: benchmarks/run.sh --help lists them.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl benchmarks -am package -DskipTests
exec java -Xms1g -Xmx2g \
  -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  com.workplace.calendar.benchmarks.BenchmarkRunner "$@"
