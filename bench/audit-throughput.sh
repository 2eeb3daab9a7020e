#!/usr/bin/env bash
# Audit entries per second: govdata's AuditLog.record (SM3 chain + group commit, durable before it
# returns) against the raw database doing the same inserts on the same machine (one commit per entry
# from as many writers; one writer with 500 entries per commit). H2 file database in a temp dir, and
# PostgreSQL too when BENCH_PG_URL (and BENCH_PG_USER / BENCH_PG_PASSWORD) are given — use a scratch
# database: the run adds rows. Usage: bench/audit-throughput.sh [seconds per run] [writers, e.g. 1,8,64]
set -euo pipefail
cd "$(dirname "$0")/.."
S=${1:-5}; LEVELS=${2:-1,8,64}
JAVA_HOME=$(bin/find-jdk); export JAVA_HOME
mvn -B -q -ntp -Dskip.web=true test-compile
cp=$(mvn -B -q -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
run() { "$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$cp" cn.govdata.audit.AuditThroughput "$@" 2>/dev/null \
          | grep -v -E '^(SLF4J|[0-9]{4}-|[0-9]{2}:[0-9]{2}:)' ; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
out=bench/results/audit-throughput-$(date -u +%Y%m%dT%H%M%SZ).txt
{
  echo "# audit throughput, $(date -u), $(nproc) cores, ${S}s per run"
  echo "## H2 file database"
  run "jdbc:h2:file:$work/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" sa "" "$S" "$LEVELS"
  if [ -n "${BENCH_PG_URL:-}" ]; then
    echo "## PostgreSQL ($BENCH_PG_URL)"
    run "$BENCH_PG_URL" "${BENCH_PG_USER:-postgres}" "${BENCH_PG_PASSWORD:-}" "$S" "$LEVELS"
  fi
} | tee "$out"
echo "written to $out"
