#!/usr/bin/env bash
# Lake record validation: rows per second through RecordValidator for generated population rows (14
# items, ID numbers checked against the shipped division list), on one thread; the duplicate-key
# tracker over distinct ID numbers; and a CSV file read and validated end to end. In-process, no network.
# Usage: bench/validator-throughput.sh [rows per validator run, default 2000000] [CSV rows, default 500000]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-2000000}; CSV_ROWS=${2:-500000}
JAVA_HOME=$(bin/find-jdk); export JAVA_HOME
mvn -B -q -ntp -Dskip.web=true test-compile
cp=$(mvn -B -q -ntp -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test | sed 's/\x1b\[[0-9;]*m//g')
out=bench/results/validator-throughput-$(date -u +%Y%m%dT%H%M%SZ).txt
{
  echo "# lake validator throughput, $(date -u), $(nproc) cores"
  "$JAVA_HOME/bin/java" -Xmx1g -cp "target/test-classes:target/classes:$cp" cn.govdata.bench.ValidatorThroughput "$ROWS" "$CSV_ROWS" 2>/dev/null \
    | grep -v -E '^(SLF4J|[0-9]{4}-|[0-9]{2}:[0-9]{2}:)'
} | tee "$out"
echo "written to $out"
