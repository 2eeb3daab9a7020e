#!/usr/bin/env bash
# Real-time push throughput and latency: the platform runs with the demo data on a throw-away H2 file database
# (or on PostgreSQL when SPRING_DATASOURCE_URL/_USERNAME/_PASSWORD are set), a connected system of the demo
# 公安局 pushes new population records with client credentials in batches of 1 and of 500, each request with its
# own request id (LakePushBench). Every request is validated and applied in its own transaction.
# Usage: bench/lake-push.sh [concurrency] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
C=${1:-4}; S=${2:-15}; PORT=${BENCH_PORT:-18081}
JAVA_HOME=$(bin/find-jdk); export JAVA_HOME
[ -f target/govdata.jar ] || mvn -B -q -ntp -DskipTests package
mvn -B -q -ntp -Dskip.web=true test-compile
cp=$(mvn -B -q -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
work=$(mktemp -d); trap 'kill $app 2>/dev/null || true; rm -rf "$work"' EXIT
GOVDATA_DATA_DIR=$work/data GOVDATA_DEMO=true GOVDATA_ADMIN_PASSWORD=Bench-Admin-2026 SERVER_PORT=$PORT \
  "$JAVA_HOME/bin/java" -jar target/govdata.jar >"$work/app.log" 2>&1 & app=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done
out=bench/results/lake-push-$(date -u +%Y%m%dT%H%M%SZ).txt
{
  echo "# lake real-time push, $(date -u), $(nproc) cores, concurrency $C, $S s per run, ${SPRING_DATASOURCE_URL:-H2 file database}"
  "$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$cp" cn.govdata.bench.LakePushBench \
      "http://127.0.0.1:$PORT" "$C" "$S" 2>/dev/null | grep -v -E '^(SLF4J|[0-9]{4}-|[0-9]{2}:[0-9]{2}:)'
} | tee "$out"
echo "written to $out"
