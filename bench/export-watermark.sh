#!/usr/bin/env bash
# Leak tracing (SHR-6): what the watermark costs an export. In-process, no network: the exchange's CSV rows written
# through SpreadsheetCsv into a discarding UTF-8 stream, plain and marked (HMAC-SM3 per markable cell), alternating
# rounds in the same run, for the population register as share-access.sh exports it and for an enterprise register
# whose text columns are all marked (the worst case); then reading a leaked 100,000-row file and comparing it with
# 1,000 recorded exports. The HTTP exchange itself moves ~500,000 rows/s on this machine (share-access.sh).
# Usage: bench/export-watermark.sh [rows per run, default 1000000] [rounds, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}; ROUNDS=${2:-5}
JAVA_HOME=$(bin/find-jdk); export JAVA_HOME
mvn -B -q -ntp -Dskip.web=true test-compile
cp=$(mvn -B -q -ntp -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test | sed 's/\x1b\[[0-9;]*m//g')
out=bench/results/export-watermark-$(date -u +%Y%m%dT%H%M%SZ).txt
{
  echo "# export watermark cost, $(date -u), $(nproc) cores"
  "$JAVA_HOME/bin/java" -Xmx1g -cp "target/test-classes:target/classes:$cp" cn.govdata.security.trace.ExportWatermarkBench "$ROWS" "$ROUNDS" 2>/dev/null \
    | grep -v -E '^(SLF4J|[0-9]{4}-|[0-9]{2}:[0-9]{2}:)'
} | tee "$out"
echo "written to $out"
