#!/usr/bin/env bash
# Login and token throughput: console logins (POST /api/v1/auth/login), connected-system tokens
# (POST /oauth2/token, client credentials) and authenticated requests (GET /api/v1/auth/me), through
# HTTP with `hey`, compared with the raw database and Argon2 doing a login's work in-process
# (LoginBaseline). Runs the platform on a throw-away H2 file database on 127.0.0.1 only.
# Usage: bench/login-throughput.sh [concurrency] [seconds]      (needs: hey, curl, jq)
set -euo pipefail
cd "$(dirname "$0")/.."
C=${1:-8}; S=${2:-15}; PORT=${BENCH_PORT:-18080}
JAVA_HOME=$(bin/find-jdk); export JAVA_HOME
for tool in hey curl jq; do command -v $tool >/dev/null || { echo "needs $tool (apt-get install $tool)" >&2; exit 1; }; done
[ -f target/govdata.jar ] || mvn -B -q -ntp -DskipTests package
[ -d target/test-classes/cn/govdata/bench ] || mvn -B -q -ntp -Dskip.web=true test-compile
cp=$(mvn -B -q -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)

work=$(mktemp -d); trap 'kill $app 2>/dev/null || true; rm -rf "$work"' EXIT
GOVDATA_DATA_DIR=$work/data GOVDATA_ADMIN_PASSWORD=Bench-Admin-2026 SERVER_PORT=$PORT \
  "$JAVA_HOME/bin/java" -jar target/govdata.jar >"$work/app.log" 2>&1 & app=$!
for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done
base=http://127.0.0.1:$PORT
token=$(curl -sf -H 'Content-Type: application/json' -d '{"username":"admin","password":"Bench-Admin-2026"}' $base/api/v1/auth/login | jq -r .token)
dept=$(curl -sf -H "Authorization: Bearer $token" $base/api/v1/auth/me | jq -r .departmentId)
creds=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"departmentId\":$dept,\"name\":\"bench system\"}" $base/api/v1/systems)
client=$(echo "$creds" | jq -r .clientId); secret=$(echo "$creds" | jq -r .clientSecret)
basic=$(printf %s "$client:$secret" | base64 -w0)   # hey -a does not reach this endpoint: send the header

rate() { grep -E 'Requests/sec' | awk '{print $2}'; }
status() { grep -E '^\s+\[[0-9]+\]' | tr -s ' ' | tr '\n' ' '; }
out=bench/results/login-throughput-$(date -u +%Y%m%dT%H%M%SZ).txt
{
  echo "# govdata login/token throughput, $(date -u), $(nproc) cores, concurrency $C, $S s per run, H2 file database"
  r=$(hey -z ${S}s -c $C -m POST -T application/json -d '{"username":"admin","password":"Bench-Admin-2026"}' $base/api/v1/auth/login)
  echo "http-login            req/s $(echo "$r" | rate)   statuses: $(echo "$r" | status)"
  r=$(hey -z ${S}s -c $C -m POST -T application/x-www-form-urlencoded -H "Authorization: Basic $basic" -d grant_type=client_credentials $base/oauth2/token)
  echo "http-oauth2-token     req/s $(echo "$r" | rate)   statuses: $(echo "$r" | status)"
  r=$(hey -z ${S}s -c $C -H "Authorization: Bearer $token" $base/api/v1/auth/me)
  echo "http-authenticated-get req/s $(echo "$r" | rate)   statuses: $(echo "$r" | status)"
  kill $app; wait $app 2>/dev/null || true
  "$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$cp" cn.govdata.bench.LoginBaseline \
    "jdbc:h2:file:$work/raw/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" sa "" $C $S 2>/dev/null | grep raw-login
} | tee "$out"
echo "written to $out"
