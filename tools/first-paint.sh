#!/usr/bin/env bash
# When the workbench's window first shows something, seen from outside: starts the launcher on its own Xvfb
# screen, whose framebuffer Xvfb keeps in a memory-mapped file (-fbdir), reads that file every 20 ms for 7 s, and
# prints each moment the screen changed, in ms since the launch, followed by the application's own start-up
# milestones. The application logs "first window shown" when JavaFX returns from showing the stage, which is
# before the window's first frame is painted; this shows the painted frames. Reading the framebuffer costs a few
# per cent of one core (screenshots through the X server, as an earlier version of this script took, cost so much
# that every time read 0.5-1 s slow).
#
#   tools/first-paint.sh /opt/cardiac-rnn-workbench/bin/cardiac-rnn-workbench
#   tools/first-paint.sh java -jar target/cardiac-rnn.jar
#
# Needs Xvfb and python3. Each change is saved as first-paint-MS.xwd in $FIRST_PAINT_DIR when that is set
# (convert xwd:FILE out.png to look at it). FIRST_PAINT_PROBES="name:x,y,w,h;..." names screen regions to watch:
# each is reported once something is drawn in it (more than three colours). For the workbench at 1280 x 800:
#   FIRST_PAINT_PROBES="navigation:10,40,30,150;dataset card:700,90,100,60"
set -uo pipefail
[ $# -gt 0 ] || { echo "usage: $0 <launcher and its arguments>" >&2; exit 2; }
home=$(mktemp -d)
framebuffer=$(mktemp -d)
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x800x24 -fbdir "$framebuffer" >/dev/null 2>&1 &
xvfb=$!
sleep 1
cat > "$home/poll.py" <<'PY'
import mmap, os, struct, sys, time, zlib
path, keep, probes = sys.argv[1], sys.argv[2], sys.argv[3]
with open(path, "rb") as file:
    screen = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
header = struct.unpack(">25I", screen[:100])
pixels, bytes_per_line = header[0] + 12 * header[19], header[12]
# Regions given as name:x,y,w,h;... are reported once something is drawn there.
waiting = {}
for probe in filter(None, probes.split(";")):
    name, box = probe.split(":")
    waiting[name] = [int(v) for v in box.split(",")]
def drawn(x, y, w, h):
    colours = set()
    for r in range(h):
        start = pixels + (y + r) * bytes_per_line + 4 * x
        colours.update(struct.iter_unpack("<I", screen[start:start + 4 * w]))
    # A window being mapped or half painted shows one or two flat colours; text brings shades of grey.
    return len(colours) > 3
start_file = os.path.join(os.path.dirname(path), "started")
while not os.path.exists(start_file):
    time.sleep(0.005)
started = int(open(start_file).read())
previous = None
while time.time_ns() - started < 7_000_000_000:
    # The first 4 kB hold the XWD header and colour map; only the pixels say whether the screen changed.
    digest = zlib.crc32(memoryview(screen)[4096:])
    now = time.time_ns()
    if digest != previous:
        ms = (now - started) // 1_000_000
        print(f"{ms} ms: screen changed ({digest:08x})", flush=True)
        if keep:
            with open(os.path.join(keep, f"first-paint-{ms}.xwd"), "wb") as out:
                out.write(screen[:])
        previous = digest
        for name, box in list(waiting.items()):
            if drawn(*box):
                print(f"{ms} ms: {name} painted", flush=True)
                del waiting[name]
    time.sleep(0.02)
PY
python3 "$home/poll.py" "$framebuffer/Xvfb_screen0" "${FIRST_PAINT_DIR:-}" "${FIRST_PAINT_PROBES:-}" \
  > "$home/changes" &
poller=$!
sleep 0.5
date +%s%N > "$framebuffer/started.tmp" && mv "$framebuffer/started.tmp" "$framebuffer/started"
CARDIAC_RNN_HOME="$home" DISPLAY="$display" "$@" >/dev/null 2>&1 &
app=$!
wait "$poller"
kill "$app" 2>/dev/null; sleep 1; kill -9 "$app" 2>/dev/null; kill "$xvfb" 2>/dev/null
wait 2>/dev/null
cat "$home/changes"
grep -h "Start-up" "$home/logs/cardiac-rnn.log" 2>/dev/null | sed 's/.*Start-up: /log: /'
rm -rf "$home" "$framebuffer"
