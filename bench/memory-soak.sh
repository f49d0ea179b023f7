#!/usr/bin/env bash
# Memory soak (issue 14, bounded memory): the service under -Xmx512m on H2 runs the largest allowed runs (every
# application workload in turn, durationSeconds 10, each workload's maximum replications, a new seed each) for
# SECONDS (default 600), two at a time, and the heap after a full GC is sampled every 30 s (jcmd GC.run, then
# jvm_memory_used_bytes from /actuator/prometheus). At the end every run must be SUCCEEDED in one attempt.
#
#   bench/memory-soak.sh                 # 10 minutes
#   SECONDS_=120 bench/memory-soak.sh    # a short pass
#
# Needs python3, curl, jq and the JDK's jcmd. Builds target/nestsim.jar if missing. Prints JSON lines.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${SECONDS_:-600}
[ -f target/nestsim.jar ] || ./mvnw -B -q -DskipTests package
WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
( cd "$WORK" && exec java -Xmx512m -jar "$OLDPWD/target/nestsim.jar" --server.port="$PORT" --server.address=127.0.0.1 \
    --management.endpoints.web.exposure.include=health,prometheus >"$WORK/service.log" 2>&1 ) &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do curl -fs "$BASE/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$BASE/actuator/health" >/dev/null || { echo "service did not start: $WORK/service.log"; exit 1; }
post() { curl -fs -X POST "$BASE$1" -H 'Content-Type: application/json' -d "$2" | jq -r .id; }
HOST=$(post /api/v1/hosts '{"name":"soak","profile":"asplos20-testbed","onlineCpus":8}')
HV=$(post /api/v1/hypervisors '{"name":"soak-l1","parent":{"hostId":"'"$HOST"'"},"vcpus":6,"memoryGib":36}')
VM=$(post /api/v1/vms '{"name":"soak-l2","parent":{"hypervisorId":"'"$HV"'"},"vcpus":4,"memoryGib":12}')
echo "# $(nproc) cores, -Xmx512m, $DURATION s, load average $(cut -d' ' -f1-3 /proc/loadavg)"
python3 bench/memory_soak.py --base "$BASE" --vm "$VM" --pid "$PID" --seconds "$DURATION"
grep -c "OutOfMemoryError" "$WORK/service.log" | sed 's/^/# OutOfMemoryError lines in the log: /' || true
