#!/usr/bin/env bash
# The asplos20 preset end to end on H2, loopback only: one POST /api/v1/experiments {"preset":"asplos20"} (8
# configurations provisioned, 87 cells of 10 replications each), watched until SUCCEEDED; then the response time of
# its results (JSON and CSV) once finished.
#
#   bench/experiments-asplos20.sh
#   REPEAT=10 bench/experiments-asplos20.sh     # requests per results measurement
#
# Needs python3, curl, jq. Builds target/nestsim.jar if missing, starts it on a free port in a fresh temporary
# directory (empty ./data, default settings), and stops it at the end. Prints one JSON line per measurement:
#   experiment  wall time from sending the POST to reading SUCCEEDED (polled every 250 ms), and the server's
#               finishedAt - createdAt
#   results     per format, the median and the slowest of REPEAT requests, and the response's size
set -euo pipefail
cd "$(dirname "$0")/.."
REPEAT=${REPEAT:-5}
[ -f target/nestsim.jar ] || ./mvnw -B -q -DskipTests package

WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
( cd "$WORK" && exec java -jar "$OLDPWD/target/nestsim.jar" --server.port="$PORT" --server.address=127.0.0.1 >"$WORK/service.log" 2>&1 ) &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do curl -fs "$BASE/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$BASE/actuator/health" >/dev/null || { echo "service did not start: $WORK/service.log"; exit 1; }

echo "# $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the measurements"
START=$(date +%s.%N)
EXP=$(curl -fs -X POST "$BASE/api/v1/experiments" -H 'Content-Type: application/json' -d '{"preset":"asplos20","seed":42}' | jq -r .id)
while :; do
  STATUS=$(curl -fs "$BASE/api/v1/experiments/$EXP" | jq -r .status)
  case $STATUS in SUCCEEDED) break ;; FAILED|CANCELLED) echo "experiment $EXP is $STATUS"; exit 1 ;; esac
  sleep 0.25
done
END=$(date +%s.%N)
curl -fs "$BASE/api/v1/experiments/$EXP" | jq -c --argjson wall "$(echo "$END - $START" | bc)" '{measurement: "experiment",
  cells: .progress.cellsTotal, replications: .progress.replicationsTotal, wallSeconds: $wall,
  serverSeconds: (((.finishedAt | sub("\\.[0-9]+Z$"; "Z") | fromdate) - (.createdAt | sub("\\.[0-9]+Z$"; "Z") | fromdate)))}'
for FORMAT in json csv; do
  for _ in $(seq 1 "$REPEAT"); do
    curl -fs -o /dev/null -w '%{time_total} %{size_download}\n' "$BASE/api/v1/experiments/$EXP/results?format=$FORMAT"
  done | sort -n | awk -v f="$FORMAT" '{t[NR]=$1; s=$2} END {printf "{\"measurement\":\"results\",\"format\":\"%s\",\"medianMs\":%.0f,\"maxMs\":%.0f,\"bytes\":%d}\n", f, 1000*t[int((NR+1)/2)], 1000*t[NR], s}'
done
echo "# load average $(cut -d' ' -f1-3 /proc/loadavg) after"
