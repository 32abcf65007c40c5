#!/usr/bin/env bash
# Worst FX-thread stall while the window trains (--autostart) under Xvfb for SECONDS (default 90).
# Needs xvfb (apt-get install xvfb libgtk-3-0). Prints the monitor's lines; the last is the answer.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-90}
[ -f target/dae-workbench.jar ] || mvn -B -q -DskipTests package
home=$(mktemp -d)
log=$(mktemp)
xvfb-run -a -s "-screen 0 1440x900x24" timeout "$seconds" \
  java ${FX_STALL_JAVA_OPTS:-} -Ddae.measureStalls=true -Ddae.home="$home" -jar target/dae-workbench.jar --autostart 2>"$log" || true
grep -E "fx-stall|window up" "$log"
rm -rf "$home" "$log"
