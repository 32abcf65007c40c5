#!/usr/bin/env bash
# Builds target/runtime (jlink: the JDK + JavaFX modules of modules.txt), target/installer/
# dae-workbench (jpackage app image) and target/installer/dae-workbench_*.deb.
# DL4J and the other jars stay on the class path of the app image (their module
# descriptors are broken); JavaFX lives only in the runtime image.
# Needs: JDK 17 with jmods (Debian's openjdk-17-jdk), fakeroot, dpkg-deb; run after `mvn package`.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
fx_version=$(sed -n 's:.*<javafx.version>\(.*\)</javafx.version>.*:\1:p' pom.xml)
version=$(sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' pom.xml)
[ -f target/dae-workbench.jar ] || { echo "run mvn -B -DskipTests package first" >&2; exit 1; }
modules=$(grep -v '^\s*#' jlink-config/modules.txt | grep -v '^\s*$' | paste -sd, -)
fx_jars=$(ls ~/.m2/repository/org/openjfx/javafx-*/"$fx_version"/javafx-*-"$fx_version"-linux.jar | paste -sd: -)

rm -rf target/runtime target/installer target/app-input
"$JAVA_HOME/bin/jlink" --module-path "$JAVA_HOME/jmods:$fx_jars" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output target/runtime

# the app's own jar and its class path, minus JavaFX (it is in the runtime)
mkdir -p target/app-input/lib
cp target/dae-workbench.jar target/app-input/
find target/lib -name '*.jar' ! -name 'javafx-*' -exec cp {} target/app-input/lib/ \;

java_options=()
while read -r opt; do
  [[ -z "$opt" || "$opt" == \#* ]] && continue
  java_options+=(--java-options "$opt")
done < jlink-config/java-options.txt

common=(--name dae-workbench --app-version "$version" --vendor "DAE Workbench"
  --description "A workbench for denoising autoencoders"
  --input target/app-input --main-jar dae-workbench.jar --main-class com.daeworkbench.Launcher
  --runtime-image target/runtime --icon assets/icons/dae-workbench.png "${java_options[@]}" --dest target/installer)
"$JAVA_HOME/bin/jpackage" --type app-image "${common[@]}"
DPKG_DEB_COMPRESSOR_TYPE=gzip "$JAVA_HOME/bin/jpackage" --type deb "${common[@]}" \
  --linux-shortcut --linux-menu-group Education --linux-app-category education \
  --linux-package-deps "libgtk-3-0, libgl1, libxtst6, libxxf86vm1"
du -sh target/runtime target/installer/dae-workbench target/installer/*.deb
