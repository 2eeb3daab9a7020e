#!/usr/bin/env bash
# The lake's bulk path on PostgreSQL against a plain COPY. Generates a population-like CSV (ID number with a
# valid check digit, name, sex and birth date agreeing with the ID, county division code, address, mobile;
# about 1 % of rows with a fault), then in one JVM capped at -Xmx512m loads it through BulkIngestion of an
# in-process govdata context (test-only bridge LakeBenchAccess; header check, validation, duplicate keys,
# a first load by COPY straight into the current table, then the same file again as an upsert through COPY
# staging and apply) into a new dataset. Baseline: the same file through COPY ... FROM STDIN (FORMAT csv)
# into a table of the same seven text columns with the primary key on the ID number. Reports rows/s, wall
# time, peak heap and the ratio. Needs BENCH_PG_URL (and BENCH_PG_USER / BENCH_PG_PASSWORD): use a scratch
# database — the run adds a region, a department, an entry and a dataset of the full size (about 2 GB).
# Usage: BENCH_PG_URL=jdbc:postgresql://127.0.0.1:55440/lakebench bench/lake-ingest.sh [rows, default 2000000]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000000}
if [ -z "${BENCH_PG_URL:-}" ]; then
  echo "set BENCH_PG_URL (and BENCH_PG_USER / BENCH_PG_PASSWORD) to a scratch PostgreSQL database" >&2; exit 2
fi
JAVA_HOME=$(bin/find-jdk); export JAVA_HOME
mvn -B -q -ntp -Dskip.web=true test-compile
cp=$(mvn -B -q -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
out=bench/results/lake-ingest-$(date -u +%Y%m%dT%H%M%SZ).txt
{
  echo "# lake bulk ingestion, $(date -u), $(nproc) cores, $N rows, PostgreSQL ($BENCH_PG_URL), -Xmx512m"
  "$JAVA_HOME/bin/java" -Xmx512m -Duser.timezone=UTC -Dfile.encoding=UTF-8 --enable-native-access=ALL-UNNAMED \
      -cp "target/test-classes:target/classes:$cp" cn.govdata.bench.LakeIngestBench \
      "$BENCH_PG_URL" "${BENCH_PG_USER:-postgres}" "${BENCH_PG_PASSWORD:-}" "$N" "$work" 2>/dev/null \
    | grep -v -E '^(SLF4J|[0-9]{4}-|[0-9]{2}:[0-9]{2}:|\{")'
} | tee "$out"
echo "written to $out"
