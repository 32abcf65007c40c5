#!/usr/bin/env bash
# Builds target/runtime (jlink: the JDK + JavaFX modules of modules.txt), target/installer/
# dae-workbench (jpackage app image) and target/installer/dae-workbench_*.deb.
# DL4J and the other jars stay on the class path of the app image (their module
# descriptors are broken); JavaFX lives only in the runtime image.
# The ND4J, OpenBLAS and JavaCPP natives ship unpacked and stripped in lib/app/native (loaded
# from there by java-options.txt) and the .deb is xz-compressed: see jlink-config/README.md.
# Needs: JDK 17 with jmods (Debian's openjdk-17-jdk), fakeroot, dpkg-deb, unzip, strip (binutils);
# run after `mvn package`.
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

# the app's own jar and its class path, minus JavaFX (it is in the runtime) and minus the jars
# that hold nothing but natives: those are unpacked into native/ below. The class path is read
# from the jar's manifest, not from target/lib: copy-dependencies leaves the jars of removed
# dependencies there until `mvn clean`.
natives_jars=(target/lib/javacpp-*-linux-x86_64.jar target/lib/openblas-*-linux-x86_64.jar
  target/lib/nd4j-native-[0-9]*-linux-x86_64*.jar)
mkdir -p target/app-input/lib target/app-input/native
cp target/dae-workbench.jar target/app-input/
class_path=$(unzip -p target/dae-workbench.jar META-INF/MANIFEST.MF | tr -d '\r' \
  | sed ':a;N;$!ba;s/\n //g' | sed -n 's/^Class-Path: //p')
for entry in $class_path; do
  jar=target/$entry
  case " ${natives_jars[*]} " in *" $jar "*) continue ;; esac
  [[ "$(basename "$jar")" == javafx-* ]] || cp "$jar" target/app-input/lib/
done

# Unpacked natives: JavaCPP would otherwise copy them out of the jars into ~/.javacpp at first
# start (437 MB per user, seconds). Stripped of their symbol tables (libnd4jcpu.so: 349 -> 314 MB);
# uncompressed they xz far better in the .deb than deflated in a jar (libnd4jcpu.so: 29 MB vs 89).
# Left per user: JavaCPP's OpenBLAS preset still copies libopenblas.so.0 into ~/.javacpp under
# the name libopenblas_nolapack.so.0 (30 MB, half a second, first start only).
for jar in "${natives_jars[@]}"; do
  [ -f "$jar" ] || { echo "natives jar missing: $jar (did the ND4J classifier in pom.xml change?)" >&2; exit 1; }
  unzip -q -j -o "$jar" '*.so*' -d target/app-input/native
done
strip --strip-unneeded target/app-input/native/*.so*
# libjniopenblas_nolapack.so links against this name and finds it next to itself ($ORIGIN);
# a copy, because jpackage copies the files symlinks point to anyway
cp target/app-input/native/libopenblas.so.0 target/app-input/native/libopenblas_nolapack.so.0

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
# xz: the unpacked natives shrink to a third of their deflated size (gzip: 193 MB .deb before, xz: 106 MB)
# deb/: postinst, prerm and postrm in place of jpackage's (PATH symlink; no failed install without a desktop)
DPKG_DEB_COMPRESSOR_TYPE=xz "$JAVA_HOME/bin/jpackage" --type deb "${common[@]}" \
  --resource-dir jlink-config/deb --linux-shortcut --linux-menu-group Education --linux-app-category education \
  --linux-package-deps "libgtk-3-0, libgl1, libxtst6, libxxf86vm1"
du -sh target/runtime target/installer/dae-workbench target/installer/*.deb
