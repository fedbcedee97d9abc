#!/usr/bin/env bash
# Builds the native installer of Cardiac RNN Workbench with the JDK's jlink and jpackage.
#
#   jpackage/build-installer.sh [--type deb|app-image] [--skip-build]
#
# Output: target/installer/ (a .deb on Debian/Ubuntu, or an app image folder). On Windows and macOS run
# the same jpackage steps on that system (see jpackage/README.md); jpackage cannot cross-build.
set -euo pipefail
cd "$(dirname "$0")/.."

type=deb
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --type) type=$2; shift 2 ;;
    --skip-build) build=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
jlink="$JAVA_HOME/bin/jlink"
jpackage="$JAVA_HOME/bin/jpackage"

if [ "$build" = 1 ]; then
  mvn -B -q package -DskipTests
fi
version=$(sed -n 's/^version=//p' target/classes/org/cardiacrnn/version.properties)
# jpackage wants a purely numeric version.
app_version=${version%%-*}

work=target/jpackage-work
out=target/installer
rm -rf "$work" "$out"
mkdir -p "$work/input" "$out"
cp target/cardiac-rnn.jar "$work/input/"
cp -r target/lib "$work/input/lib"

# Only the modules the application uses: AWT/ImageIO for figures, XML for SVG, JMX for memory figures,
# Preferences for recent files, jdk.unsupported for ND4J's and JavaFX's native access.
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.prefs,java.scripting,java.sql,\
java.xml,java.datatransfer,jdk.unsupported,jdk.management,jdk.zipfs,jdk.crypto.ec,jdk.localedata
"$jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --include-locales=en --output "$work/runtime"

common=(
  --name cardiac-rnn-workbench
  --app-version "$app_version"
  --vendor "Cardiac RNN Workbench"
  --description "Train and study recurrent classifiers of time-course gene expression"
  --input "$work/input"
  --main-jar cardiac-rnn.jar
  --main-class org.cardiacrnn.cli.Main
  --runtime-image "$work/runtime"
  --icon assets/icons/cardiac-rnn-256.png
  --java-options "-Xss4m"
  --java-options "-XX:+UseParallelGC"
  --java-options "-Dprism.lcdtext=false"
  --java-options "-XX:MaxRAMPercentage=50"
  --dest "$out"
)

case "$type" in
  app-image)
    "$jpackage" --type app-image "${common[@]}"
    ;;
  deb)
    "$jpackage" --type deb "${common[@]}" \
      --linux-package-name cardiac-rnn-workbench \
      --linux-shortcut \
      --linux-menu-group "Science;Biology;Education" \
      --linux-app-category science \
      --linux-package-deps "libgtk-3-0 | libgtk-3-0t64, libxtst6, libgl1" \
      --linux-deb-maintainer "maintainers@cardiac-rnn-workbench.invalid" \
      --resource-dir jpackage/linux
    ;;
  *) echo "unknown --type $type (deb or app-image)" >&2; exit 2 ;;
esac
ls -la "$out"
