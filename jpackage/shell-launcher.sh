#!/usr/bin/env bash
# Replaces the native launcher of a jpackage app image with a shell script that starts the image's Java runtime
# with exactly the options, class path and main class of jpackage's launcher configuration (lib/app/NAME.cfg).
#
#   jpackage/shell-launcher.sh <app image folder> <launcher name>
#
# Why: before every start, jpackage's Linux launcher asks the package managers which package owns it
# (`rpm -qf`, then `dpkg -S`, twice), to find its own library. On the development machine that took 0.5-1.2 s
# before Java even started, a third of the time to the first window (docs/performance.md, start-up). The script
# finds everything relative to itself, so it works wherever the image lies.
set -euo pipefail
image=$1 name=$2
cfg="$image/lib/app/$name.cfg"
launcher="$image/bin/$name"
[ -f "$cfg" ] && [ -f "$launcher" ] || { echo "no jpackage launcher $launcher with $cfg" >&2; exit 1; }

main_class=$(sed -n 's/^app\.mainclass=//p' "$cfg")
[ -n "$main_class" ] || { echo "$cfg names no main class" >&2; exit 1; }
# $APPDIR stays as written: the script sets it when it runs. Options are single-quoted in the script, so the
# configuration's $APPDIR is swapped for a closing quote, the variable and an opening quote.
quote() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g; s/\\\$APPDIR/'\"\$APPDIR\"'/g")"; }
class_path=$(sed -n 's/^app\.classpath=//p' "$cfg" | paste -sd: -)
options=()
while IFS= read -r option; do
  options+=("$(quote "$option")")
done < <(sed -n 's/^java-options=//p' "$cfg")

tmp="$launcher.sh-launcher"
{
  echo '#!/bin/sh'
  echo "# $name: starts its Java runtime directly (made by jpackage/shell-launcher.sh from lib/app/$name.cfg)."
  echo 'launcher=$(readlink -f "$0")'
  echo 'root=$(dirname "$(dirname "$launcher")")'
  echo 'APPDIR="$root/lib/app"'
  echo 'exec "$root/lib/runtime/bin/java" -Djpackage.app-path="$launcher" \'
  for option in "${options[@]}"; do
    echo "  $option \\"
  done
  echo "  -cp $(quote "$class_path") \\"
  echo "  $(quote "$main_class") \"\$@\""
} > "$tmp"
chmod 755 "$tmp"
mv -f "$tmp" "$launcher"
# The native launcher's library is now unused.
rm -f "$image/lib/libapplauncher.so"
echo "shell launcher: $launcher ($(grep -c '^app\.classpath=' "$cfg") class path entries)"
