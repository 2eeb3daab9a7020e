#!/usr/bin/env bash
# Supervision metrics (issue #14, "Performance"): a year of records for N departments (entries, obligations,
# datasets with deliveries on time and late, applications answered on time, late or pending, grants with usage,
# objections, discrepancies, violations) generated straight into a throw-away H2 file database, with the platform
# in-process (SupervisionMetricsBench): a full compute of the metric inputs, an incremental run with nothing
# changed and one after a day's changes by a share of the departments (target < 10 s), then the dashboards'
# endpoints over HTTP (target p99 < 200 ms). Baseline: the raw database doing the equivalent aggregate queries.
# On PostgreSQL instead when BENCH_PG_URL (and BENCH_PG_USER / BENCH_PG_PASSWORD) are given: use a scratch database.
# Usage: bench/supervision-metrics.sh [departments, default 500] [share changed in the day, default 0.2]
#        [requests per endpoint, default 200]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-500}
CHANGED=${2:-0.2}
REQUESTS=${3:-200}
JAVA_HOME=$(bin/find-jdk); export JAVA_HOME
mvn -B -q -ntp -o -Dskip.web=true test-compile
cp=$(mvn -B -q -ntp -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
out=bench/results/supervision-metrics-$(date -u +%Y%m%dT%H%M%SZ).txt
url="jdbc:h2:file:$work/h2/govdata;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
database="H2 file database"
if [ -n "${BENCH_PG_URL:-}" ]; then url=$BENCH_PG_URL; database="PostgreSQL ($BENCH_PG_URL)"; fi
{
  echo "# supervision metrics, $(date -u), $(nproc) cores, $N departments, $CHANGED of them changed in the day, $database"
  "$JAVA_HOME/bin/java" -Xmx2g -Duser.timezone=UTC -Dfile.encoding=UTF-8 --enable-native-access=ALL-UNNAMED \
      -cp "target/test-classes:target/classes:$cp" cn.govdata.bench.SupervisionMetricsBench \
      "$url" "${BENCH_PG_USER:-}" "${BENCH_PG_PASSWORD:-}" "$work/data" "$N" "$CHANGED" "$REQUESTS" 2>/dev/null \
      | grep -v -E '^(SLF4J|[0-9]{4}-|[0-9]{2}:[0-9]{2}:|\{")'
} | tee "$out"
echo "written to $out"
