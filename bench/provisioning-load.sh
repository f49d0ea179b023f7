#!/usr/bin/env bash
# Provisioning load test on loopback: create and read throughput with p99 latency, against the jar on H2.
#
#   bench/provisioning-load.sh            # 20 s per scenario, 2 wrk threads, 8 connections
#   DURATION=30s CONNECTIONS=16 bench/provisioning-load.sh
#   DATABASE=postgres bench/provisioning-load.sh   # same, on a fresh database of the local PostgreSQL (127.0.0.1:5432)
#
# Needs wrk (apt-get install -y wrk), curl, jq. Builds target/nestsim.jar if missing, starts it on a free
# loopback port in a fresh temporary directory (so ./data is empty), warms it up, then runs:
#   create-host  POST /api/v1/hosts (a new testbed host per request)
#   create-vm    POST /api/v1/vms   (1 vCPU / 1 GiB VMs spread over 50 big hosts)
#   get-by-id    GET  /api/v1/vms/{id}
#   list         GET  /api/v1/vms?hostId=...&size=20
# after a warm-up of each (WARMUP, default 20 s), and prints requests/s and latency percentiles per scenario. Stops the service at the end. Only 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-8}
WARMUP=${WARMUP:-20s}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
[ -f target/nestsim.jar ] || ./mvnw -B -q -DskipTests package

WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
DATABASE=${DATABASE:-h2}
DB_ARGS=()
if [ "$DATABASE" = postgres ]; then
  PGDB=nestsim_bench_$(date +%s)
  psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $PGDB"
  DB_ARGS=(--spring.profiles.active=postgres --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$PGDB)
fi
( cd "$WORK" && exec java -jar "$OLDPWD/target/nestsim.jar" --server.port="$PORT" --server.address=127.0.0.1 "${DB_ARGS[@]}" >"$WORK/service.log" 2>&1 ) &
PID=$!
cleanup() {
  set +e
  kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"
  if [ -n "${PGDB:-}" ]; then psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $PGDB WITH (FORCE)"; fi
}
trap cleanup EXIT
for _ in $(seq 1 120); do curl -fs "$BASE/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$BASE/actuator/health" >/dev/null || { echo "service did not start: $WORK/service.log"; exit 1; }

# 50 hosts big enough for many 1-vCPU VMs each
export HOSTS_FILE=$WORK/hosts.txt IDS_FILE=$WORK/ids.txt
for i in $(seq 1 50); do
  curl -fs -X POST "$BASE/api/v1/hosts" -H 'Content-Type: application/json' \
    -d '{"name":"big-'"$i"'","profile":"asplos20-testbed","cores":1024,"memoryGib":65536}' | jq -r .id
done > "$HOSTS_FILE"
run() { # NAME SCRIPT: prints "NAME requests/s p50 p90 p99"
  local out; out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "bench/$2" "$BASE")
  local rps p50 p90 p99 errors
  rps=$(printf '%s\n' "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(printf '%s\n' "$out" | awk '$1=="50%" {print $2}')
  p90=$(printf '%s\n' "$out" | awk '$1=="90%" {print $2}')
  p99=$(printf '%s\n' "$out" | awk '$1=="99%" {print $2}')
  errors=$(printf '%s\n' "$out" | awk '/Non-2xx/ {print $NF}')
  printf '%-12s %10s req/s   p50 %8s   p90 %8s   p99 %8s   non-2xx %s\n' "$1" "$rps" "$p50" "$p90" "$p99" "${errors:-0}"
}
# warm-up of every scenario (the JIT needs a while on two cores), not reported
DURATION=$WARMUP run warm-up create-host.lua >/dev/null
DURATION=$WARMUP run warm-up create-vm.lua >/dev/null
curl -fs "$BASE/api/v1/vms?size=100" | jq -r '.items[].id' > "$IDS_FILE"
DURATION=$WARMUP run warm-up get-by-id.lua >/dev/null
DURATION=$WARMUP run warm-up list.lua >/dev/null
echo "nestsim provisioning load: $THREADS wrk threads, $CONNECTIONS connections, $DURATION per scenario, $(nproc) cores, $DATABASE"
run create-host create-host.lua
run create-vm create-vm.lua
curl -fs "$BASE/api/v1/vms?size=100&page=1" | jq -r '.items[].id' > "$IDS_FILE"
[ -s "$IDS_FILE" ] || curl -fs "$BASE/api/v1/vms?size=100" | jq -r '.items[].id' > "$IDS_FILE"
run get-by-id get-by-id.lua
run list list.lua
