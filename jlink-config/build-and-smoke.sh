#!/usr/bin/env bash
# One command: build the installer, unpack the .deb like a clean install would, and smoke-test
# the packaged launcher: --version, a CLI training + denoise, the window under Xvfb (screenshot),
# sizes, cold and warm start. Needs xvfb, imagemagick (for the screenshot), fakeroot.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pinstaller -DskipTests package
deb=$(ls target/installer/*.deb)
root=$(mktemp -d)
dpkg-deb -x "$deb" "$root"
app=$(find "$root" -path '*/bin/dae-workbench' -type f | head -n 1)
echo "installed launcher: $app"
"$app" --version
home=$(mktemp -d)
export HOME="$home"
"$app" train --dataset digits --arch dense --epochs 1 --out "$home/m.dae" 2>/dev/null | tail -n 1 || true
out=$(mktemp -d)
"$app" denoise --model "$home/m.dae" --out "$out" sample-images/documents/train/001.png
ls -la "$out"
for run in cold warm; do
  [ "$run" = cold ] && rm -rf "$home/.javacpp" "$home/.dae-workbench"
  log=$(mktemp)
  start=$(date +%s.%N)
  xvfb-run -a -s "-screen 0 1440x900x24" timeout 30 "$app" --verbose >"$log" 2>&1 &   # --verbose: the "window up" line is INFO
  while ! grep -q "window up" "$log" 2>/dev/null; do sleep 0.2; [ "$(echo "$(date +%s.%N) - $start > 30" | bc)" = 1 ] && break; done
  printf '%s start to first window: %.1f s (%s)\n' "$run" "$(echo "$(date +%s.%N) - $start" | bc)" "$(grep -o 'window up.*' "$log" || echo 'no window')"
  sleep 8
  if command -v import >/dev/null; then
    disp=$(ls /tmp/.X11-unix | sed 's/^X/:/' | sort -t: -k2 -n | tail -n 1)
    DISPLAY=$disp XAUTHORITY=$(ls -t /tmp/xvfb-run.*/Xauthority 2>/dev/null | head -n 1) import -window root "target/installer/smoke-$run.png" 2>/dev/null \
      && echo "screenshot: target/installer/smoke-$run.png" || true
  fi
  wait || true
done
du -sh "$deb" target/installer/dae-workbench target/runtime
du -sh target/installer/dae-workbench/lib/app/native
rm -rf "$root" "$home" "$out"
