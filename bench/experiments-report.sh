#!/usr/bin/env bash
# The asplos20 preset's report on H2, loopback only: one POST /api/v1/experiments {"preset":"asplos20"}, watched until
# SUCCEEDED; then the response time of GET /api/v1/experiments/{id}/report (the first request renders every chart, the
# later ones are served from memory) and of each chart's SVG; and a screenshot of the report taken with Debian's headless
# Chromium (docs/report-asplos20.png).
#
#   bench/experiments-report.sh
#   REPEAT=20 bench/experiments-report.sh          # requests per measurement
#   SCREENSHOT=/tmp/report.png bench/experiments-report.sh
#
# Needs python3, curl, jq and /usr/bin/chromium (apt-get install chromium). Builds target/nestsim.jar if missing, starts
# it on a free port in a fresh temporary directory (empty ./data, default settings), stops it at the end. Prints one JSON
# line per measurement:
#   experiment   wall time from the POST to reading SUCCEEDED (polled every 250 ms)
#   report       first: the first request (renders); then the median and slowest of REPEAT more; the page's size
#   chart        per chart once more (served from memory), the median and slowest of REPEAT requests of all charts
set -euo pipefail
cd "$(dirname "$0")/.."
REPEAT=${REPEAT:-10}
SCREENSHOT=${SCREENSHOT:-docs/report-asplos20.png}
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
jq -nc --argjson wall "$(echo "$END - $START" | bc)" '{measurement: "experiment", preset: "asplos20", wallSeconds: $wall}'

summary() { # name, then lines of "seconds bytes" on stdin
  sort -n | awk -v m="$1" '{t[NR]=$1; s+=$2} END {printf "{\"measurement\":\"%s\",\"requests\":%d,\"medianMs\":%.0f,\"maxMs\":%.0f,\"meanBytes\":%d}\n", m, NR, 1000*t[int((NR+1)/2)], 1000*t[NR], s/NR}'
}
curl -fs -o "$WORK/report.html" -w '%{time_total} %{size_download}\n' "$BASE/api/v1/experiments/$EXP/report" | summary "report (first, renders)"
for _ in $(seq 1 "$REPEAT"); do
  curl -fs -o /dev/null -w '%{time_total} %{size_download}\n' "$BASE/api/v1/experiments/$EXP/report"
done | summary "report (again)"
CHARTS=$(grep -o "<svg id='[^']*'" "$WORK/report.html" | sed "s/<svg id='//; s/'//")
for _ in $(seq 1 "$REPEAT"); do
  for C in $CHARTS; do
    curl -fs -o /dev/null -w '%{time_total} %{size_download}\n' "$BASE/api/v1/experiments/$EXP/charts/$C.svg"
  done
done | summary "chart ($(echo "$CHARTS" | wc -w) charts)"

# The screenshot: the report's first charts, as a reader opens it (a window 1400 wide, 2600 tall)
mkdir -p "$(dirname "$SCREENSHOT")"
/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$WORK/chromium" --hide-scrollbars --window-size=1400,2600 \
  --screenshot="$(realpath -m "$SCREENSHOT")" "$BASE/api/v1/experiments/$EXP/report" >"$WORK/chromium.log" 2>&1 \
  || { cat "$WORK/chromium.log"; exit 1; }
echo "# screenshot: $SCREENSHOT ($(stat -c %s "$SCREENSHOT") bytes)"
echo "# load average $(cut -d' ' -f1-3 /proc/loadavg) after"
