#!/usr/bin/env bash
# Sharing interfaces under load on PostgreSQL (issue #5): the platform runs as its own process in demo mode on a
# scratch database; ShareAccessBench loads N population rows (default 2,000,000) through the bulk upload and
# has the civil-affairs bureau's connected system granted verification, query and exchange. Then wrk, a second
# process, drives verification (比对验证) and keyed query (检索查询) through the HTTP API with the real grant
# and audit: first at full load (16 connections, 30 s) for the peak, then at 80 % of that peak for latency.
# Baseline in the same run: pgbench, prepared, the same keyed lookup on the same table (plus one probe into a
# table of the sampled keys, since pgbench cannot hold the key list). Every request must be in the audit log.
# Export: the exchange endpoint (CSV, all 2 million) against psql's \copy of the same columns.
# Needs BENCH_PG_URL (JDBC URL of a scratch database, e.g. jdbc:postgresql://localhost:5432/sharebench),
# BENCH_PG_USER, BENCH_PG_PASSWORD; wrk, pgbench and psql on the PATH.
# Usage: BENCH_PG_URL=... [BENCH_CONNECTIONS=16] bench/share-access.sh [rows]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000000}
PORT=${BENCH_PORT:-18080}
PLANE=${BENCH_PLANE_PORT:-18081}
C=${BENCH_CONNECTIONS:-16}
: "${BENCH_PG_URL:?set BENCH_PG_URL (and BENCH_PG_USER / BENCH_PG_PASSWORD) to a scratch PostgreSQL database}"
USER_=${BENCH_PG_USER:-postgres}; PASS_=${BENCH_PG_PASSWORD:-}
hostdb=${BENCH_PG_URL#jdbc:postgresql://}
PGURL="postgresql://$USER_:$PASS_@${hostdb%%\?*}"
JAVA_HOME=$(bin/find-jdk); export JAVA_HOME
mvn -B -q -ntp -Dskip.web=true test-compile
cp=$(mvn -B -q -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
work=$(mktemp -d)
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
out=bench/results/share-access-$(date -u +%Y%m%dT%H%M%SZ).txt

GOVDATA_DATA_DIR=$work/data GOVDATA_DEMO=true GOVDATA_ADMIN_PASSWORD=Demo-Admin-2026 \
SPRING_DATASOURCE_URL=$BENCH_PG_URL SPRING_DATASOURCE_USERNAME=$USER_ SPRING_DATASOURCE_PASSWORD=$PASS_ \
  "$JAVA_HOME/bin/java" -Xmx1g -Duser.timezone=UTC -cp "target/classes:$cp" cn.govdata.GovdataApplication \
  --server.port="$PORT" --govdata.share.data-plane.port="$PLANE" --logging.level.root=WARN > "$work/platform.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -sf "http://localhost:$PORT/actuator/health" >/dev/null && break; sleep 1; done

run() { # op rate-per-wrk-thread seconds [port]
  OPERATION=$1 RATE=$2 KEYS=$work/keys.txt ENTRY=$ENTRY TOKEN=$TOKEN \
    wrk -t2 -c$C -d"$3"s -s bench/share/verification.lua "http://localhost:${4:-$PLANE}" | grep RESULT
}
field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }

{
  echo "# sharing interfaces, $(date -u), $(nproc) cores, $N rows, PostgreSQL ($BENCH_PG_URL), platform -Xmx1g"
  "$JAVA_HOME/bin/java" -Xmx1g -cp "target/test-classes:target/classes:$cp" cn.govdata.bench.ShareAccessBench \
      "$PORT" "$N" "$work" 2>/dev/null | grep -v -E '^(SLF4J|[0-9]{4}-)'
  ENTRY=$(cat "$work/entry"); TOKEN=$(cat "$work/token"); DATASET=$(cat "$work/dataset")
  psql -q "$PGURL" -c "vacuum analyze lake_ds_$DATASET" >/dev/null
  run verification 0 10 "$PORT" >/dev/null; run query 0 10 "$PORT" >/dev/null   # warm-up of both ports
  run verification 0 15 >/dev/null; run query 0 15 >/dev/null   # warm-up: the JIT, and the freshly loaded table and index into the caches
  for op in verification query; do
    before=$(psql -tA "$PGURL" -c "select count(*) from audit_entry where action = 'share.data.${op/verification/verify}'")
    main=$(run $op 0 20 "$PORT")
    echo "main port $op, full load ($C connections):  $main"
    peak=$(run $op 0 30)
    echo "platform $op, full load ($C connections):  $peak"
    rps=$(field "$peak" rps)
    rate=$(awk -v r="$rps" 'BEGIN { printf "%.2f", 0.8 * r / 2 }')   # wrk -t2: two threads share the rate
    at80=$(run $op "$rate" 30)
    echo "platform $op, 80 % of peak:          $at80"
    after=$(psql -tA "$PGURL" -c "select count(*) from audit_entry where action = 'share.data.${op/verification/verify}'")
    completed=$(( $(field "$main" requests) + $(field "$peak" requests) + $(field "$at80" requests) ))
    echo "audit entries for $op during the three runs: $((after - before)) (wrk completed $completed; requests cut at the end of a run may be audited without being counted by wrk)"
    [ $((after - before)) -ge "$completed" ] && audited=yes || audited=NO
    eval "peak_$op=$rps; p99_$op=$(field "$at80" p99_ms); audited_$op=$audited"
  done
  # the ceiling of each stack on this machine: the data plane's health check and the main port's liveness probe
  # (which passes the servlet container and the security filter chain) read no database, authorise nothing and
  # audit nothing
  floor=$(wrk -t2 -c$C -d15s "http://localhost:$PLANE/health" | grep -E 'Requests/sec|Latency' | tr -s ' ' | tr '\n' ' ')
  echo "data plane stack alone (GET /health, $C connections): $floor"
  floor=$(wrk -t2 -c$C -d15s "http://localhost:$PORT/actuator/health/liveness" | grep -E 'Requests/sec|Latency' | tr -s ' ' | tr '\n' ' ')
  echo "main port stack alone (GET /actuator/health/liveness, $C connections): $floor"
  nkeys=$(wc -l < "$work/keys.txt")
  psql -q "$PGURL" -c "drop table if exists bench_keys" -c "create table bench_keys (i serial primary key, id varchar(18))" \
    -c "\\copy bench_keys (id) from '$work/keys.txt'" >/dev/null
  printf '\\set r random(1, %d)\nselect record_key, c_full_name, c_household_division from lake_ds_%s where record_key = (select id from bench_keys where i = :r);\n' \
    "$nkeys" "$DATASET" > "$work/raw.sql"
  raw=$(pgbench -n -M prepared -c $C -j 2 -T 30 -f "$work/raw.sql" "$PGURL" 2>/dev/null | grep -E 'tps|latency average' | tr '\n' ' ')
  echo "raw pgbench keyed lookup ($C clients):  $raw"
  tps=$(echo "$raw" | sed -E 's/.*tps = ([0-9.]+).*/\1/')

  # each side once to warm up (the JIT, the caches), then the median of three runs
  median() { sort -n | sed -n 2p; }
  exchange_once() {
    start=$(date +%s.%N)
    curl -sf -H "Authorization: Bearer $TOKEN" "http://localhost:$PLANE/api/v1/share/data/$ENTRY/exchange?since=0&format=CSV" \
      -o "$work/export.csv"
    echo "$(date +%s.%N) - $start" | bc
  }
  copy_once() {
    start=$(date +%s.%N)
    psql -q "$PGURL" -c "\\copy (select c_id_number, c_full_name, c_household_division from lake_ds_$DATASET) to '$work/raw.csv' csv header"
    echo "$(date +%s.%N) - $start" | bc
  }
  exchange_once >/dev/null; copy_once >/dev/null
  t=$(for _ in 1 2 3; do exchange_once; done | median)
  rows=$(( $(wc -l < "$work/export.csv") - 1 ))
  exchange=$(echo "$rows / $t" | bc)
  echo "platform exchange (CSV, full, median of 3 after a warm-up):  $rows rows in ${t}s = $exchange rows/s"
  t=$(for _ in 1 2 3; do copy_once; done | median)
  copied=$(echo "$rows / $t" | bc)
  echo "raw COPY TO (psql \\copy, same columns, median of 3 after a warm-up): $rows rows in ${t}s = $copied rows/s"
  # the targets of issue #16: verification and query >= 0.25 x pgbench with p99 < 20 ms at 80 % of the peak, every
  # request audited; the exchange >= 0.5 x COPY TO
  awk -v v="$peak_verification" -v q="$peak_query" -v t="$tps" -v e="$exchange" -v c="$copied" \
      -v pv="$p99_verification" -v pq="$p99_query" -v av="$audited_verification" -v aq="$audited_query" 'BEGIN {
    printf "RATIOS verification/pgbench=%.3f (p99 at 80%% %s ms, every request audited: %s) query/pgbench=%.3f (p99 at 80%% %s ms, every request audited: %s) exchange/copy=%.3f\n", v / t, pv, av, q / t, pq, aq, e / c }'
} | tee "$out"
echo "written to $out"
