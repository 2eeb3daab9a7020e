#!/usr/bin/env bash
# Catalog search latency at scale: govdata's search of the published catalog (Lucene, word-level Chinese
# analysis, facets) against the raw database doing the same work (LIKE '%词%' per word over the entry's
# content with the same filters, count(*), the first page by code, count(*) group by per facet). Generates
# plausible entries (Chinese names from department and subject vocabularies, summaries, 5–20 data items)
# straight into a throw-away H2 file database, times the index build, then runs the same mixed queries
# (Chinese words, some with facet filters, some filters only) from 1 and 8 threads: median, p99, queries/s.
# PostgreSQL too when BENCH_PG_URL (and BENCH_PG_USER / BENCH_PG_PASSWORD) are given — use a scratch
# database: the run adds a region with its entries.
# Usage: bench/catalog-search.sh [entries, default 100000] [queries, default 3000] [seconds per raw-database run, default 120]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}; Q=${2:-3000}; DBS=${3:-120}
JAVA_HOME=$(bin/find-jdk); export JAVA_HOME
mvn -B -q -ntp -Dskip.web=true test-compile
cp=$(mvn -B -q -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
run() { "$JAVA_HOME/bin/java" -Xmx2g -Duser.timezone=UTC -Dfile.encoding=UTF-8 --enable-native-access=ALL-UNNAMED \
          -cp "target/test-classes:target/classes:$cp" cn.govdata.bench.CatalogSearchBench "$@" 2>/dev/null \
          | grep -v -E '^(SLF4J|[0-9]{4}-|[0-9]{2}:[0-9]{2}:|\{")' ; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
out=bench/results/catalog-search-$(date -u +%Y%m%dT%H%M%SZ).txt
{
  echo "# catalog search, $(date -u), $(nproc) cores, $N entries, $Q queries, raw database runs capped at ${DBS}s"
  echo "## H2 file database"
  run "jdbc:h2:file:$work/h2/db/govdata;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" govdata "" \
      "$N" "$Q" "$DBS" "$work/h2"
  if [ -n "${BENCH_PG_URL:-}" ]; then
    echo "## PostgreSQL ($BENCH_PG_URL)"
    run "$BENCH_PG_URL" "${BENCH_PG_USER:-postgres}" "${BENCH_PG_PASSWORD:-}" "$N" "$Q" "$DBS" "$work/pg"
  fi
} | tee "$out"
echo "written to $out"
