#!/usr/bin/env bash
# A sensitivity analysis of Memcached at depth 2 on the asplos20 testbed (Linux 4.18, 8 CPUs online, the virtio baseline),
# end to end on H2, loopback only: one POST /api/v1/sensitivity watched until SUCCEEDED. With CRASH=1 the service is killed
# with kill -9 once a third of the points are stored, restarted on the same ./data, and the analysis must finish on its own:
# compare the printed resultSha256 with an uninterrupted run's (same seed) to see that nothing was lost or changed.
#
#   bench/sensitivity-memcached.sh
#   TRAJECTORIES=4 CRASH=1 bench/sensitivity-memcached.sh
#
# Needs python3, curl, jq, bc, sha256sum. Builds target/nestsim.jar if missing, starts it on a free port in a fresh temporary
# directory, and stops it at the end. Prints one JSON line: wall time from the POST to SUCCEEDED (polled every 250 ms), the
# points, the top knobs and parameters, the conclusion and the result's digest.
set -euo pipefail
cd "$(dirname "$0")/.."
TRAJECTORIES=${TRAJECTORIES:-6}
REPLICATIONS=${REPLICATIONS:-3}
CRASH=${CRASH:-0}
[ -f target/nestsim.jar ] || ./mvnw -B -q -DskipTests package

WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
start_service() {
  ( cd "$WORK" && exec java -jar "$OLDPWD/target/nestsim.jar" --server.port="$PORT" --server.address=127.0.0.1 >>"$WORK/service.log" 2>&1 ) &
  PID=$!
  for _ in $(seq 1 180); do curl -fs "$BASE/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
  curl -fs "$BASE/actuator/health" >/dev/null || { echo "service did not start: $WORK/service.log"; exit 1; }
}
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
start_service

echo "# $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before"
START=$(date +%s.%N)
ID=$(curl -fs -X POST "$BASE/api/v1/sensitivity" -H 'Content-Type: application/json' -d "{\"workload\":\"memcached\",
  \"host\":{\"profile\":\"asplos20-testbed\",\"kernel\":\"linux-4.18\",\"onlineCpus\":8},\"depth\":2,
  \"configuration\":{\"io\":\"VIRTIO\",\"dvh\":[],\"postedInterrupts\":true,\"vmcsShadowing\":true},
  \"replications\":$REPLICATIONS,\"trajectories\":$TRAJECTORIES,\"seed\":42}" | jq -r .id)
CRASHED=false
while :; do
  BODY=$(curl -fs "$BASE/api/v1/sensitivity/$ID")
  STATUS=$(jq -r .status <<<"$BODY")
  case $STATUS in SUCCEEDED) break ;; FAILED|CANCELLED) echo "analysis $ID is $STATUS: $(jq -r .problem <<<"$BODY")"; exit 1 ;; esac
  DONE=$(jq -r .progress.pointsDone <<<"$BODY"); TOTAL=$(jq -r '.progress.pointsTotal // 0' <<<"$BODY")
  if [ "$CRASH" = 1 ] && [ "$CRASHED" = false ] && [ "$TOTAL" -gt 0 ] && [ $((DONE * 3)) -ge "$TOTAL" ]; then
    echo "# kill -9 at $DONE of $TOTAL points"
    kill -9 $PID; wait $PID 2>/dev/null || true
    CRASHED=true
    start_service
    echo "# restarted; $(curl -fs "$BASE/api/v1/sensitivity/$ID" | jq -r '"\(.status) \(.progress.pointsDone) of \(.progress.pointsTotal)"')"
  fi
  sleep 0.25
done
END=$(date +%s.%N)
curl -fs "$BASE/api/v1/sensitivity/$ID" | jq -c --argjson wall "$(echo "$END - $START" | bc)" --arg crashed "$CRASHED" \
  --arg sha "$(curl -fs "$BASE/api/v1/sensitivity/$ID" | jq -cS .result | sha256sum | cut -c1-16)" '{measurement: "sensitivity",
  wallSeconds: $wall, crashed: $crashed, points: .progress.pointsTotal, base: .result.base.normalizedToNative,
  knobs: [.result.knobs[:3][].summary], parameters: [.result.parameters[:5][] | "\(.parameter) mu* \(.muStar * 1000 | round / 1000) [\(.muStarLower * 1000 | round / 1000), \(.muStarUpper * 1000 | round / 1000)]"],
  spread: .result.spread, conclusion: .result.conclusion, resultSha256: $sha}'
echo "# load average $(cut -d' ' -f1-3 /proc/loadavg) after"
