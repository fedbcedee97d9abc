#!/usr/bin/env bash
# When the workbench's window first shows something, seen from outside: starts the launcher on its own Xvfb
# screen, takes a screenshot (xwd) about every 0.15 s for 7 s, and prints each moment the screen changed, in ms
# since the launch, followed by the application's own start-up milestones. The application logs "first window
# shown" when JavaFX returns from showing the stage, which is before the window's first frame is painted; this
# shows the painted frames. The screenshots themselves take CPU, so all times read somewhat slower than with
# tools/startup-times.sh.
#
#   tools/first-paint.sh /opt/cardiac-rnn-workbench/bin/cardiac-rnn-workbench
#   tools/first-paint.sh java -jar target/cardiac-rnn.jar
#
# Needs Xvfb and xwd (Debian: xvfb, x11-apps). Each change is saved as first-paint-MS.xwd in $FIRST_PAINT_DIR
# when that is set (convert xwd:FILE out.png to look at it).
set -uo pipefail
[ $# -gt 0 ] || { echo "usage: $0 <launcher and its arguments>" >&2; exit 2; }
home=$(mktemp -d)
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
started=$(date +%s%N)
CARDIAC_RNN_HOME="$home" DISPLAY="$display" "$@" >/dev/null 2>&1 &
app=$!
previous=""
shot=$(mktemp)
while [ $(( $(date +%s%N) - started )) -lt 7000000000 ]; do
  DISPLAY="$display" xwd -root -silent > "$shot" 2>/dev/null
  now=$(date +%s%N)
  # The header holds the window name; only the pixels say whether the screen changed.
  digest=$(tail -c +2000 "$shot" | md5sum | cut -c1-8)
  if [ "$digest" != "$previous" ]; then
    ms=$(( (now - started) / 1000000 ))
    echo "$ms ms: screen changed ($digest)"
    [ -n "${FIRST_PAINT_DIR:-}" ] && cp "$shot" "$FIRST_PAINT_DIR/first-paint-$ms.xwd"
    previous=$digest
  fi
  sleep 0.1
done
kill "$app" 2>/dev/null; sleep 1; kill -9 "$app" 2>/dev/null; kill "$xvfb" 2>/dev/null
wait 2>/dev/null
grep -h "Start-up" "$home/logs/cardiac-rnn.log" 2>/dev/null | sed 's/.*Start-up: /log: /'
rm -rf "$home" "$shot"
