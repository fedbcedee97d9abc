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

# ND4J's native library (libnd4jcpu.so, 323 MB) carries a symbol table the dynamic linker never reads, and
# its jar deflates it to 90 MB where the package's own xz packs it to 29 MB. So the library is stripped and
# its jar stored uncompressed: the .deb is 60 MB smaller (docs/performance.md); installed, the jar takes
# 300 MB, as JavaCPP's extracted copy does anyway.
repack_native_jar() {
  local jar=$1 dir
  dir=$(mktemp -d)
  (cd "$dir" && unzip -q "$OLDPWD/$jar")
  find "$dir" -name 'libnd4jcpu.so' -exec strip --strip-unneeded {} \;
  rm "$jar"
  "$JAVA_HOME/bin/jar" --create --no-manifest --no-compress --file "$jar" -C "$dir" .
  rm -rf "$dir"
}
for jar in "$work"/input/lib/nd4j-native-*-linux-*.jar; do
  repack_native_jar "$jar"
done

# fastutil (17 MB) is there for two list classes of one DL4J listener: keep only the classes those reach,
# found from the other jars' bytecode and jdeps' class graph, so nothing that is referenced goes missing.
shrink_fastutil() {
  local jar=$1 dir roots keep
  dir=$(mktemp -d)
  roots="$dir/roots" keep="$dir/keep"
  for other in "$work"/input/cardiac-rnn.jar "$work"/input/lib/*.jar; do
    [ "$other" = "$jar" ] || unzip -p "$other" '*.class' 2>/dev/null \
      | grep -aoh 'it/unimi/dsi/fastutil/[A-Za-z0-9_/$]*' | tr / . || true
  done | sort -u > "$roots"
  "$JAVA_HOME/bin/jdeps" -filter:none -verbose:class "$jar" 2>/dev/null \
    | awk '$2 == "->" && $3 ~ /^it\.unimi\./ { print $1, $3 }' \
    | awk 'NR == FNR { to[$1] = to[$1] " " $2; next }
           { kept[$1] = 1; queue[++n] = $1 }
           END { for (i = 1; i <= n; i++) { c = split(to[queue[i]], next_, " ")
                   for (j = 1; j <= c; j++) if (!(next_[j] in kept)) { kept[next_[j]] = 1; queue[++n] = next_[j] } }
                 for (k in kept) print k }' - "$roots" > "$keep"
  mkdir "$dir/classes"
  (cd "$dir/classes" && unzip -q "$OLDPWD/$jar" 'META-INF/*' $(sed 's/\./\//g; s/$/.class/' "$keep"))
  echo "fastutil: kept $(wc -l < "$keep") classes reached from $(wc -l < "$roots") used by the other jars"
  rm "$jar"
  "$JAVA_HOME/bin/jar" --create --no-manifest --file "$jar" -C "$dir/classes" .
  rm -rf "$dir"
}
for jar in "$work"/input/lib/fastutil-*.jar; do
  shrink_fastutil "$jar"
done

# Only the modules the application uses: AWT/ImageIO for figures, XML for SVG, JMX for memory figures,
# Preferences for recent files, jdk.unsupported for ND4J's and JavaFX's native access.
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.prefs,java.scripting,java.sql,\
java.xml,java.datatransfer,jdk.unsupported,jdk.management,jdk.zipfs,jdk.crypto.ec,jdk.localedata
"$jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --include-locales=en --output "$work/runtime"

# The classes a start loads, for the class-data archive the installed program makes of them at its install
# path (make-cds-archive.sh, run by postinst; docs/performance.md). Without a list it only starts slower.
cp jpackage/make-cds-archive.sh "$work/input/"
jpackage/record-class-list.sh "$work/runtime/bin/java" "$work/input/cardiac-rnn.jar:$work/input/lib/*" \
  "$work/input/cardiac-rnn.classlist" \
  || echo "warning: no class list, so the installed program will start without a class-data archive" >&2

# The vendor and the maintainer's address.
. jpackage/package.conf

# Shenandoah collects concurrently: during training the Parallel collector stopped the window for 150-470 ms
# (docs/performance.md, responsiveness). A JDK built without Shenandoah gets G1 instead.
gc_option=-XX:+UseG1GC
if "$JAVA_HOME/bin/java" -XX:+UseShenandoahGC -version >/dev/null 2>&1; then
  gc_option=-XX:+UseShenandoahGC
fi

image=(
  --name cardiac-rnn-workbench
  --app-version "$app_version"
  --vendor "$vendor"
  --description "Train and study recurrent classifiers of time-course gene expression"
  --input "$work/input"
  --main-jar cardiac-rnn.jar
  --main-class org.cardiacrnn.cli.Main
  --runtime-image "$work/runtime"
  --icon assets/icons/cardiac-rnn-256.png
  --java-options "-Xss4m"
  --java-options "$gc_option"
  --java-options "-Dprism.lcdtext=false"
  --java-options "-XX:MaxRAMPercentage=50"
  # Zeroing a new array of tens of MB (the sequences built when training starts) cannot stop for a safepoint;
  # on 4 kB pages its page faults kept every other thread, the window's included, waiting 50-190 ms. Huge
  # pages cut the faults 512-fold. Where the system has them off, the JVM's one-line notice is silenced.
  --java-options "-XX:+UseTransparentHugePages"
  --java-options "-Xlog:pagesize=off"
  --java-options "-Xshare:auto"
  --java-options '-XX:SharedArchiveFile=$APPDIR/cardiac-rnn.jsa'
)

# The app image first, whose native launcher becomes a shell script (shell-launcher.sh says why); the package
# is then made of that image.
images="$work/image"
"$jpackage" --type app-image "${image[@]}" --dest "$images"
jpackage/shell-launcher.sh "$images/cardiac-rnn-workbench" cardiac-rnn-workbench

case "$type" in
  app-image)
    mv "$images/cardiac-rnn-workbench" "$out/"
    ;;
  deb)
    "$jpackage" --type deb --app-image "$images/cardiac-rnn-workbench" \
      --name cardiac-rnn-workbench \
      --app-version "$app_version" \
      --vendor "$vendor" \
      --description "Train and study recurrent classifiers of time-course gene expression" \
      --dest "$out" \
      --linux-package-name cardiac-rnn-workbench \
      --linux-shortcut \
      --linux-menu-group "Science;Biology;Education" \
      --linux-app-category science \
      --linux-package-deps "libgtk-3-0 | libgtk-3-0t64, libxtst6, libgl1" \
      --linux-deb-maintainer "$maintainer_email" \
      --resource-dir jpackage/linux
    ;;
  *) echo "unknown --type $type (deb or app-image)" >&2; exit 2 ;;
esac
ls -la "$out"
