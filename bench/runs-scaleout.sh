#!/usr/bin/env bash
# Scale-out on PostgreSQL, loopback only: runs completed per second by one instance, then by two instances sharing
# one database (submissions spread round-robin over both, as a load balancer would), each on a fresh database.
#
#   bench/runs-scaleout.sh
#   COUNT=200 bench/runs-scaleout.sh
#
# Two workloads: device-notify microbenchmark runs (analytic; each run is mostly database work), and the diagnostic
# workload at 5 x 100 ms per run (each run holds an execution slot for 0.5 s, like a short simulation). Every instance
# runs nestsim.runs.max-running=2. Needs python3, curl, jq, psql and the local PostgreSQL (127.0.0.1:5432, user
# postgres, trust auth). Also checks that every run SUCCEEDED with exactly one attempt. Drops its databases at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-100}
PG="psql -h 127.0.0.1 -U postgres -d postgres -qAt"
[ -f target/nestsim.jar ] || ./mvnw -B -q -DskipTests package
PIDS=(); DBS=(); DIRS=(); BASES=()
cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null && wait "$p" 2>/dev/null; done
  for d in "${DBS[@]:-}"; do [ -n "$d" ] && $PG -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null; done
  for d in "${DIRS[@]:-}"; do [ -n "$d" ] && rm -rf "$d"; done
}
trap cleanup EXIT

start() { # DB: starts an instance on it (in this shell, so that its pid is kept for the clean-up), appends its URL to BASES
  local dir port
  dir=$(mktemp -d); DIRS+=("$dir")
  port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  ( cd "$dir" && exec java -jar "$OLDPWD/target/nestsim.jar" --server.port="$port" --server.address=127.0.0.1 \
      --spring.profiles.active=postgres --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$1" \
      --nestsim.runs.diagnostic-workload=true --nestsim.runs.max-running=2 --nestsim.runs.max-queued=1000 >"$dir/service.log" 2>&1 ) &
  PIDS+=($!)
  BASES+=("http://127.0.0.1:$port")
}
healthy() { for _ in $(seq 1 180); do curl -fs "$1/actuator/health" >/dev/null 2>&1 && return 0; sleep 1; done; echo "no health at $1"; exit 1; }
post() { curl -fs -X POST "$1$2" -H 'Content-Type: application/json' -d "$3" | jq -r .id; }

measure() { # INSTANCES
  local db="nestsim_scaleout_$(date +%s)_$RANDOM"
  $PG -c "CREATE DATABASE $db" >/dev/null; DBS+=("$db")
  BASES=()
  start "$db"; healthy "${BASES[0]}"
  if [ "$1" = 2 ]; then start "$db"; healthy "${BASES[1]}"; fi
  local host vm joined
  host=$(post "${BASES[0]}" /api/v1/hosts '{"name":"scale","profile":"asplos20-testbed","cores":1024,"memoryGib":65536}')
  vm=$(post "${BASES[0]}" /api/v1/vms '{"name":"scale-vm","parent":{"hostId":"'"$host"'"},"vcpus":4,"memoryGib":12}')
  joined=$(IFS=,; echo "${BASES[*]}")
  python3 bench/runs_bench.py throughput --base "$joined" --vm "$vm" --workload device-notify --replications 3 --count 20 >/dev/null
  python3 bench/runs_bench.py throughput --base "$joined" --vm "$vm" --workload device-notify --replications 3 --count "$COUNT" --concurrency 8
  python3 bench/runs_bench.py throughput --base "$joined" --vm "$vm" --workload diagnostic-sleep --replications 5 \
    --params '{"millisPerReplication":100}' --count "$((COUNT / 2))" --concurrency 8
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null || true; done; PIDS=()
}
echo "# $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# one instance"; measure 1
echo "# two instances on one database"; measure 2
