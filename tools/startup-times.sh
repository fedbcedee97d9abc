#!/usr/bin/env bash
# Measures how long the workbench takes to show its first window and to have the sample data ready, as the
# application itself logs it ("Start-up: first window shown after N ms", counted from the process start).
#
#   tools/startup-times.sh [runs (5)] [launcher and its arguments...]
#   tools/startup-times.sh 5 java -jar target/cardiac-rnn.jar
#   tools/startup-times.sh 5 /opt/cardiac-rnn-workbench/bin/cardiac-rnn-workbench
#
# Each run starts the launcher with a fresh user data folder (CARDIAC_RNN_HOME) and closes it once the data is
# ready. A first, unreported run fills the caches a second start finds (JavaCPP's extracted native libraries,
# the OS file cache). Without a DISPLAY it runs itself under xvfb-run. Prints one line per run, the medians and
# the machine's load.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x1024x24" "$0" "$@"
fi
runs=${1:-5}
shift || true
[ $# -gt 0 ] || set -- java -jar target/cardiac-rnn.jar

measure() {
  local home log pid window data
  home=$(mktemp -d)
  log="$home/logs/cardiac-rnn.log"
  CARDIAC_RNN_HOME="$home" "$@" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    if grep -q "Start-up: sample data ready" "$log" 2>/dev/null; then break; fi
    sleep 0.1
  done
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  window=$(sed -n 's/.*Start-up: first window shown after \([0-9]*\) ms (CPU \([0-9]*\) ms).*/\1 \2/p' "$log" | head -1)
  data=$(sed -n 's/.*Start-up: sample data ready after \([0-9]*\) ms (CPU \([0-9]*\) ms).*/\1 \2/p' "$log" | head -1)
  cp "$log" "${STARTUP_LOG_COPY:-/dev/null}" 2>/dev/null || true
  rm -rf "$home"
  echo "${window:-none none} ${data:-none none}"
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

measure "$@" >/dev/null
results=()
for i in $(seq 1 "$runs"); do
  result=$(measure "$@")
  results+=("$result")
  read -r window window_cpu data data_cpu <<<"$result"
  echo "run $i: first window $window ms (CPU $window_cpu ms), sample data ready $data ms (CPU $data_cpu ms)"
done
median_of() { printf '%s\n' "${results[@]}" | cut -d' ' -f"$1" | median; }
echo "median: first window $(median_of 1) ms (CPU $(median_of 2) ms), sample data ready $(median_of 3) ms" \
  "(CPU $(median_of 4) ms); load: $(cut -d' ' -f1-3 /proc/loadavg)"
