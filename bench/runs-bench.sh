#!/usr/bin/env bash
# Runs benchmark on H2, loopback only: submit-to-SUCCEEDED latency of microbenchmark runs, and runs completed per
# second with 100 microbenchmark runs queued at once.
#
#   bench/runs-bench.sh                    # device-notify, 3 replications, on an L2 VM of the paper's testbed
#   WORKLOAD=send-ipi COUNT=200 bench/runs-bench.sh
#
# Needs python3, curl, jq. Builds target/nestsim.jar if missing, starts it on a free port in a fresh temporary
# directory (empty ./data), provisions a host, an L1 guest hypervisor and an L2 VM, then:
#   latency     COUNT runs one after the other (after WARMUP not counted), each polled every 5 ms until SUCCEEDED:
#               client-side and server-side (finishedAt - createdAt) percentiles
#   throughput  100 runs submitted at once from 8 client threads, then runs/s from the first createdAt to the last
#               finishedAt (the default nestsim.runs.max-queued of 100 accepts them all)
# Prints one JSON line per measurement. Stops the service at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
WORKLOAD=${WORKLOAD:-device-notify}
REPLICATIONS=${REPLICATIONS:-3}
COUNT=${COUNT:-100}
WARMUP=${WARMUP:-20}
QUEUED=${QUEUED:-100}
[ -f target/nestsim.jar ] || ./mvnw -B -q -DskipTests package

WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
( cd "$WORK" && exec java -jar "$OLDPWD/target/nestsim.jar" --server.port="$PORT" --server.address=127.0.0.1 >"$WORK/service.log" 2>&1 ) &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do curl -fs "$BASE/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$BASE/actuator/health" >/dev/null || { echo "service did not start: $WORK/service.log"; exit 1; }

post() { curl -fs -X POST "$BASE$1" -H 'Content-Type: application/json' -d "$2" | jq -r .id; }
HOST=$(post /api/v1/hosts '{"name":"bench","profile":"asplos20-testbed"}')
HV=$(post /api/v1/hypervisors '{"name":"bench-l1","parent":{"hostId":"'"$HOST"'"},"vcpus":6,"memoryGib":24}')
VM=$(post /api/v1/vms '{"name":"bench-l2","parent":{"hypervisorId":"'"$HV"'"},"vcpus":4,"memoryGib":12}')

echo "# $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the measurements"
python3 bench/runs_bench.py latency --base "$BASE" --vm "$VM" --workload "$WORKLOAD" --replications "$REPLICATIONS" \
  --count "$COUNT" --warmup "$WARMUP"
python3 bench/runs_bench.py throughput --base "$BASE" --vm "$VM" --workload "$WORKLOAD" --replications "$REPLICATIONS" \
  --count "$QUEUED" --concurrency 8
echo "# load average $(cut -d' ' -f1-3 /proc/loadavg) after"
