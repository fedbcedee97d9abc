#!/usr/bin/env bash
# Records the classes the workbench loads while it starts: its window, the sample data and the engine. The
# list names classes only, not where they were loaded from, so the installed program can turn it into a
# class-data-sharing archive for its own install path (make-cds-archive.sh, run by the package's postinst).
#
#   jpackage/record-class-list.sh <java> <class path> <output list>
#
# The workbench runs with a fresh user data folder, under xvfb-run when there is no DISPLAY, and is stopped
# once the log says the sample data and the engine are ready. Exits non-zero, leaving no list, when it cannot.
set -euo pipefail

if [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null 2>&1 || { echo "no DISPLAY and no xvfb-run" >&2; exit 1; }
  exec xvfb-run -a -s "-screen 0 1280x1024x24" "$0" "$@"
fi
java=$1 class_path=$2 list=$3

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
log="$home/logs/cardiac-rnn.log"
rm -f "$list"
CARDIAC_RNN_HOME="$home" "$java" -XX:DumpLoadedClassList="$list" -Xss4m -XX:+UseParallelGC -cp "$class_path" \
  org.cardiacrnn.cli.Main >/dev/null 2>&1 &
pid=$!
ready=0
for _ in $(seq 1 1200); do
  if grep -q "Start-up: sample data ready" "$log" 2>/dev/null && grep -q "Start-up: engine loaded" "$log"; then
    ready=1
    break
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
# TERM lets the JVM close the list; KILL only if it does not end.
kill "$pid" 2>/dev/null || true
for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
if [ "$ready" != 1 ] || [ ! -s "$list" ]; then
  echo "the workbench did not become ready within 120 s; no class list" >&2
  rm -f "$list"
  exit 1
fi
echo "class list: $(wc -l < "$list") entries from a start to the sample data and the engine"
