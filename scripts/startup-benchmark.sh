#!/usr/bin/env bash
# Start-up of the packaged service in a new JVM (issue 13, BENCHMARKS.md), three ways, on H2:
#   scripts/startup-benchmark.sh [runs]      (default 3 runs of each)
# 1. java -jar on the executable jar; 2. the jar extracted (java -Djarmode=tools ... extract);
# 3. extracted, with a class data sharing archive from a training run (Spring Boot's "Class Data Sharing").
# Each run starts on a fresh data folder and is timed from the launch to the first readiness answer "UP";
# the last row restarts the CDS way on one folder a first start left behind (a running installation's restart).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=tracker-service/target/tracker-service-0.1.0-SNAPSHOT.jar
[ -f "$jar" ] || mvn -B -q package -DskipTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
port=18190
options=(--server.port=$port --logging.level.root=warn --spring.main.banner-mode=off)

# the training run: starts, refreshes the context and exits, writing the archive of the classes it loaded
java -XX:ArchiveClassesAtExit="$work/tracker.jsa" -Dspring.context.exit=onRefresh \
    -jar "$work/app/$(basename "$jar")" --tracker.data-dir="$work/training" "${options[@]}" >/dev/null 2>&1 || true
[ -f "$work/tracker.jsa" ] || { echo "no CDS archive was written" >&2; exit 1; }

# prints the milliseconds from launch to readiness; gives up after 120 s
# (on a fresh data folder, or on the one named by $DATA)
time_to_ready() {
    local data=${DATA:-}
    [ -n "$data" ] || data=$(mktemp -d -p "$work")
    local begin=$(date +%s%N)
    java "$@" --tracker.data-dir="$data" "${options[@]}" >"$data.log" 2>&1 &
    local pid=$!
    local deadline=$((begin + 120000000000))
    until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q UP; do
        if [ "$(date +%s%N)" -gt "$deadline" ] || ! kill -0 $pid 2>/dev/null; then
            echo "not ready; see $data.log" >&2; kill $pid 2>/dev/null; exit 1
        fi
        sleep 0.02
    done
    echo $((($(date +%s%N) - begin) / 1000000))
    kill $pid
    wait $pid 2>/dev/null || true
}

printf '%-40s %s\n' "start-up to readiness, fresh H2 (ms)" "runs"
for way in jar extracted cds; do
    figures=()
    for _ in $(seq "$runs"); do
        case $way in
            jar) figures+=("$(time_to_ready -jar "$jar")") ;;
            extracted) figures+=("$(time_to_ready -jar "$work/app/$(basename "$jar")")") ;;
            cds) figures+=("$(time_to_ready -XX:SharedArchiveFile="$work/tracker.jsa" -jar "$work/app/$(basename "$jar")")") ;;
        esac
    done
    printf '%-40s %s\n' "$way" "${figures[*]}"
done
cds=(-XX:SharedArchiveFile="$work/tracker.jsa" -jar "$work/app/$(basename "$jar")")
export DATA=$(mktemp -d -p "$work")
time_to_ready "${cds[@]}" >/dev/null
figures=()
for _ in $(seq "$runs"); do
    figures+=("$(time_to_ready "${cds[@]}")")
done
printf '%-40s %s\n' "cds, restarting on an existing folder" "${figures[*]}"
