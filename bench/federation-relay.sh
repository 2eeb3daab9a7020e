#!/usr/bin/env bash
# Cross-platform sharing (issue #13): the added cost of relaying a keyed query through the applicant's platform.
# Two demo platforms in one process (FederationRelayBench), each on its own H2 file database, linked both ways; the
# upper platform's department is granted the lower platform's population register through the upper platform, the
# lower platform's own department holds a direct grant with the same items. The same keyed queries, interleaved, are
# asked directly and relayed; target: the relay adds at most 5 ms to the median.
# Usage: bench/federation-relay.sh [queries, default 2000]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000}
JAVA_HOME=$(bin/find-jdk); export JAVA_HOME
mvn -B -q -ntp -o -Dskip.web=true test-compile
cp=$(mvn -B -q -ntp -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
h2() { echo "jdbc:h2:file:$work/$1/govdata;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"; }
out=bench/results/federation-relay-$(date -u +%Y%m%dT%H%M%SZ).txt
{
  echo "# relayed keyed query across two platforms, $(date -u), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
  "$JAVA_HOME/bin/java" -Xmx1536m -Duser.timezone=UTC -Dfile.encoding=UTF-8 --enable-native-access=ALL-UNNAMED \
      -cp "target/test-classes:target/classes:$cp" cn.govdata.bench.FederationRelayBench \
      "$(h2 lower)" "$(h2 upper)" "$work" "$N" 2>/dev/null | grep -v -E '^(SLF4J|[0-9]{4}-|[0-9]{2}:[0-9]{2}:|\{")'
} | tee "$out"
echo "written to $out"
