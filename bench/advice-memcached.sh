#!/usr/bin/env bash
# Advice for Memcached at depth 2 on the asplos20 testbed, end to end on H2, loopback only: one POST /api/v1/advice
# (the whole space enumerated and screened, the most promising simulated, a refining stage when the best two overlap),
# watched until SUCCEEDED.
#
#   bench/advice-memcached.sh
#   REPLICATIONS=5 MAX_SIMULATED=8 bench/advice-memcached.sh
#
# Needs python3, curl, jq, bc. Builds target/nestsim.jar if missing, starts it on a free port in a fresh temporary
# directory (empty ./data, default settings), and stops it at the end. Prints one JSON line: wall time from the POST to
# reading SUCCEEDED (polled every 250 ms), the space's counts, the stages, and the best configuration with its figure.
set -euo pipefail
cd "$(dirname "$0")/.."
REPLICATIONS=${REPLICATIONS:-3}
MAX_SIMULATED=${MAX_SIMULATED:-6}
[ -f target/nestsim.jar ] || ./mvnw -B -q -DskipTests package

WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
( cd "$WORK" && exec java -jar "$OLDPWD/target/nestsim.jar" --server.port="$PORT" --server.address=127.0.0.1 >"$WORK/service.log" 2>&1 ) &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do curl -fs "$BASE/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$BASE/actuator/health" >/dev/null || { echo "service did not start: $WORK/service.log"; exit 1; }

echo "# $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before"
START=$(date +%s.%N)
ID=$(curl -fs -X POST "$BASE/api/v1/advice" -H 'Content-Type: application/json' -d "{\"workload\":\"memcached\",
  \"host\":{\"profile\":\"asplos20-testbed\",\"kernel\":\"linux-4.18\",\"onlineCpus\":8},\"depth\":2,
  \"replications\":$REPLICATIONS,\"maxSimulated\":$MAX_SIMULATED,\"seed\":42}" | jq -r .id)
while :; do
  STATUS=$(curl -fs "$BASE/api/v1/advice/$ID" | jq -r .status)
  case $STATUS in SUCCEEDED) break ;; FAILED|CANCELLED) echo "advice $ID is $STATUS"; exit 1 ;; esac
  sleep 0.25
done
END=$(date +%s.%N)
curl -fs "$BASE/api/v1/advice/$ID" | jq -c --argjson wall "$(echo "$END - $START" | bc)" '{measurement: "advice", wallSeconds: $wall,
  candidates: .space.candidates, refusedByRules: .space.refusedByRules, screened: .space.screened, simulated: .space.simulated,
  stages: .space.stages, best: .recommendations[0].configuration, normalizedToNative: .recommendations[0].normalizedToNative,
  why: [.why[].summary]}'
echo "# load average $(cut -d' ' -f1-3 /proc/loadavg) after"
