#!/usr/bin/env bash
# What sealing the lake's personal information costs (SEC-4, SEC-8; docs/security.md, "Encryption at rest"). In one
# JVM: a generated population file (7 items, 4 personal: ID number as the record key, name, address, mobile) is
# ingested through BulkIngestion of an in-process govdata context with sealing on, then of one with sealing off
# (govdata.lake.sealing.enabled=false), and each answers keyed reads (LakeRecords.byKey, every item, as a share query
# by key does) for a sample of the file's ID numbers. Baseline: the raw database doing the same work (the rows into a
# table of the same columns with the primary key on the ID number; the same keys by a prepared select).
# On PostgreSQL with BENCH_PG_URL (BENCH_PG_USER / BENCH_PG_PASSWORD; a scratch database), else on H2 files.
# Usage: [BENCH_PG_URL=jdbc:postgresql://127.0.0.1:55440/lakebench] bench/lake-encryption.sh [rows, default 100000] [lookups, default 5000]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
L=${2:-5000}
JAVA_HOME=$(bin/find-jdk); export JAVA_HOME
mvn -B -q -ntp -o -Dskip.web=true -DskipTests test-compile
cp=$(mvn -B -q -ntp -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p bench/results
out=bench/results/lake-encryption-$(date -u +%Y%m%dT%H%M%SZ).txt
{
  echo "# lake sealing cost, $(date -u), $(nproc) cores, $N rows, $L keyed reads, ${BENCH_PG_URL:-H2}, -Xmx1g"
  "$JAVA_HOME/bin/java" -Xmx1g -Duser.timezone=UTC -Dfile.encoding=UTF-8 --enable-native-access=ALL-UNNAMED \
      -cp "target/test-classes:target/classes:$cp" cn.govdata.bench.LakeSealingBench \
      "${BENCH_PG_URL:-h2}" "${BENCH_PG_USER:-postgres}" "${BENCH_PG_PASSWORD:-}" "$N" "$L" "$work" 2>/dev/null \
    | grep -v -E '^(SLF4J|[0-9]{4}-|[0-9]{2}:[0-9]{2}:|\{")'
} | tee "$out"
echo "written to $out"
