#!/usr/bin/env bash
# Harvesting (issue #13): a generated CKAN-shaped source on loopback (the tests' CkanShapedSource: package_search
# with metadata_modified ranges, JSON as CKAN writes it) with N datasets, harvested through the real API by the
# system administrator (HarvestBench, the platform in-process on a throw-away H2 file database): the first harvest
# (every dataset new; target < 60 s for 10,000), a run with nothing changed, and one after a tenth changed and a
# hundredth deleted. Baseline: the same pages read from the source and parsed, nothing kept.
# Usage: bench/harvest.sh [datasets, default 10000]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
JAVA_HOME=$(bin/find-jdk); export JAVA_HOME
mvn -B -q -ntp -o -Dskip.web=true test-compile
cp=$(mvn -B -q -ntp -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
out=bench/results/harvest-$(date -u +%Y%m%dT%H%M%SZ).txt
{
  echo "# harvest of a CKAN-shaped source, $(date -u), $(nproc) cores, $N datasets, H2 file database"
  "$JAVA_HOME/bin/java" -Xmx1g -Duser.timezone=UTC -Dfile.encoding=UTF-8 --enable-native-access=ALL-UNNAMED \
      -cp "target/test-classes:target/classes:$cp" cn.govdata.bench.HarvestBench \
      "jdbc:h2:file:$work/h2/govdata;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
      "$work/data" "$N" 2>/dev/null | grep -v -E '^(SLF4J|[0-9]{4}-|[0-9]{2}:[0-9]{2}:|\{")'
} | tee "$out"
echo "written to $out"
