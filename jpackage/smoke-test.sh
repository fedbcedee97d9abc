#!/usr/bin/env bash
# Builds the installer, unpacks it into a temporary root as a user's machine would install it, and runs the
# installed launcher's --smoke-test (headless: sample data → one epoch → one figure). Exits non-zero on failure.
#
#   jpackage/smoke-test.sh [--skip-build]
set -euo pipefail
cd "$(dirname "$0")/.."

skip=()
[ "${1:-}" = "--skip-build" ] && skip=(--skip-build)

if command -v dpkg-deb >/dev/null 2>&1 && command -v fakeroot >/dev/null 2>&1; then
  jpackage/build-installer.sh --type deb "${skip[@]}"
  deb=$(ls target/installer/*.deb)
  root=$(mktemp -d)
  dpkg-deb -x "$deb" "$root"
  launcher="$root/opt/cardiac-rnn-workbench/bin/cardiac-rnn-workbench"
  echo "installer: $deb ($(du -h "$deb" | cut -f1))"
else
  jpackage/build-installer.sh --type app-image "${skip[@]}"
  launcher=target/installer/cardiac-rnn-workbench/bin/cardiac-rnn-workbench
  echo "installer tools missing: checked the app image instead"
fi

# The native launcher asks dpkg and rpm which package owns it before every start (shell-launcher.sh).
head -n 1 "$launcher" | grep -q '^#!/bin/sh' \
  || { echo "the launcher is jpackage's native one, which queries the package managers at every start" >&2; exit 1; }

# What postinst does after installing: the class-data archive for this path. With -Xshare:on the JVM refuses to
# start unless it maps the archive, so this checks that the launcher really uses it.
app_dir=$(dirname "$launcher")/../lib/app
if [ -f "$app_dir/cardiac-rnn.classlist" ]; then
  sh "$app_dir/make-cds-archive.sh"
  _JAVA_OPTIONS=-Xshare:on "$launcher" --version >/dev/null 2>&1 \
    || { echo "the launcher does not map its class-data archive" >&2; exit 1; }
  echo "class-data archive: $(du -h "$app_dir/cardiac-rnn.jsa" | cut -f1), used by the launcher"
else
  echo "no class list in the package: the class-data archive was not checked"
fi

home=$(mktemp -d)
CARDIAC_RNN_HOME="$home" "$launcher" --smoke-test
