#!/bin/sh
# Turns the installed program's class list into a class-data-sharing archive beside it, which the launcher
# maps at start (-XX:SharedArchiveFile, -Xshare:auto) instead of loading and verifying each class: the first
# window needs about a third less CPU. JDK 17 accepts such an archive only at the class path it was made for,
# so it is made after installing, by the package's postinst; when it is missing or out of date the program
# starts as before, only slower.
#
#   sh <install dir>/lib/app/make-cds-archive.sh
set -u
app_dir=$(cd "$(dirname "$0")" && pwd)
launcher="$app_dir/../../bin/cardiac-rnn-workbench"
class_list="$app_dir/cardiac-rnn.classlist"
archive="$app_dir/cardiac-rnn.jsa"
partial="$app_dir/.cardiac-rnn.jsa.partial"

[ -f "$class_list" ] && [ -x "$launcher" ] || exit 0
rm -f "$partial"
# Through the launcher, so that the archive records exactly the class path the launcher gives. _JAVA_OPTIONS
# comes after the launcher's own options, so -Xshare:dump wins over its -Xshare:auto. A half-written archive
# crashes the JVM that maps it, so the archive appears only once complete.
if _JAVA_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$class_list -XX:SharedArchiveFile=$partial" \
    "$launcher" >/dev/null 2>&1 && [ -s "$partial" ]; then
  mv -f "$partial" "$archive"
else
  rm -f "$partial" "$archive"
  echo "cardiac-rnn-workbench: could not make the class-data archive; the program will start more slowly" >&2
fi
exit 0
