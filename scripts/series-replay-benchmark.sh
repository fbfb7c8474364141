#!/usr/bin/env bash
# How long a series takes to be read whole from its events (BENCHMARKS.md, change 50):
#   scripts/series-replay-benchmark.sh [holders exercises]   (defaults: 400 25, that is 10,401 events)
# Compiles command-side in this working copy and runs SeriesReplayBenchmark on its classes; no database.
set -euo pipefail
cd "$(dirname "$0")/.."
classpath=command-side/target/replay.classpath
mvn -B -q ${MAVEN_OPTS_BENCH:-} test-compile dependency:build-classpath -pl command-side -am \
    -Dmdep.outputFile="$PWD/$classpath" -Dmdep.includeScope=test
exec java -cp "command-side/target/test-classes:command-side/target/classes:$(cat "$classpath")" \
    io.sartracker.command.series.SeriesReplayBenchmark "$@"
