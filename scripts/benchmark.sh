#!/usr/bin/env bash
# The store benchmark of issue 13 (BENCHMARKS.md), on H2 and on PostgreSQL in one run:
#   scripts/benchmark.sh [series holders exercises samples stores]   (defaults: 90 400 25 200 h2,postgres)
# Compiles the modules in this working copy (nothing is installed in ~/.m2) and runs the benchmark's main
# class on their classes. JAVA_OPTS adds JVM options, e.g. JAVA_OPTS=-XX:StartFlightRecording=filename=bench.jfr;
# BENCH_SERVICE adds settings of the service, to measure one change against another, e.g.
# BENCH_SERVICE='--axon.eventhandling.processors.register.batch-size=1000 --tracker.aggregate-cache.series=0'
# BENCH_MAIN runs another benchmark of the test classes on the same class path, e.g.
# BENCH_MAIN=io.sartracker.service.bench.PayloadReadBenchmark scripts/benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."
classpath=tracker-service/target/bench.classpath
mvn -B -q ${MAVEN_OPTS_BENCH:-} test-compile dependency:build-classpath -pl tracker-service -am \
    -Dmdep.outputFile="$PWD/$classpath" -Dmdep.includeScope=test
# dependency:build-classpath names the sibling modules by their folders of classes in a reactor build
exec java -Xmx3g ${JAVA_OPTS:-} "-Dbench.service=${BENCH_SERVICE:-}" \
    -cp "tracker-service/target/test-classes:tracker-service/target/classes:$(cat "$classpath")" \
    "${BENCH_MAIN:-io.sartracker.service.bench.StoreBenchmark}" "$@"
