#!/usr/bin/env bash
# The open-data portal at scale on PostgreSQL (issue #12): OpenPortalBench runs the platform in demo mode in its
# own process on a scratch database, generates DATASETS catalog entries of a new region, all open, and opens them;
# then measures package_search (what the portal's search calls) over HTTP from 1 and 8 threads against the raw
# database doing the same work on the same table; wrk (a second process) with 100 and 1,000 connections over
# dataset pages, searches and previews; and the demo's police offices grown to ROWS records downloaded as CSV,
# desensitised, against psql's \copy of the same columns, with the platform's peak heap (-Xmx1536m).
# Needs BENCH_PG_URL (JDBC URL of a scratch database), BENCH_PG_USER, BENCH_PG_PASSWORD; wrk and psql.
# Usage: BENCH_PG_URL=... bench/open-portal.sh [datasets] [rows] [queries]
set -euo pipefail
cd "$(dirname "$0")/.."
DATASETS=${1:-100000}; ROWS=${2:-2000000}; QUERIES=${3:-2000}
: "${BENCH_PG_URL:?set BENCH_PG_URL (and BENCH_PG_USER / BENCH_PG_PASSWORD) to a scratch PostgreSQL database}"
USER_=${BENCH_PG_USER:-postgres}; PASS_=${BENCH_PG_PASSWORD:-}
hostdb=${BENCH_PG_URL#jdbc:postgresql://}
PGURL="postgresql://$USER_:$PASS_@${hostdb%%\?*}"
JAVA_HOME=$(bin/find-jdk); export JAVA_HOME
mvn -B -q -ntp -Dskip.web=true test-compile
cp=$(mvn -B -q -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
out=bench/results/open-portal-$(date -u +%Y%m%dT%H%M%SZ).txt
{
  echo "# open-data portal, $(date -u), $(nproc) cores, $DATASETS open datasets, $ROWS records, PostgreSQL ($BENCH_PG_URL), -Xmx1536m"
  if ! "$JAVA_HOME/bin/java" -Xmx1536m -Duser.timezone=UTC -cp "target/test-classes:target/classes:$cp" \
      cn.govdata.bench.OpenPortalBench "$BENCH_PG_URL" "$USER_" "$PASS_" "$DATASETS" "$ROWS" "$QUERIES" "$PGURL" "$work" \
      2>"$work/stderr.log" | grep -v -E '^(SLF4J|[0-9]{4}-|[0-9]{2}:[0-9]{2}:|\{"|\s+at |\s+\.\.\. |Caused by|$)'; then
    echo "the bench stopped early:"; grep -v -E '^\s+at ' "$work/stderr.log" | tail -20
  fi
} | tee "$out"
echo "written to $out"
