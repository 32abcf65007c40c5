#!/usr/bin/env bash
# Worst FX-thread stall while the window trains (--autostart) under Xvfb, for at most SECONDS
# (default 120) or until the run ends. FX_STALL_SETTINGS=FILE starts from that settings.json
# (architecture, data, epochs: what the window saves on exit; src/bench/fx-stall-settings/ has
# a 20-epoch conv, a dense and a residual-on-documents run); extra arguments go to the app
# (--tab=Runs, say).
# Needs xvfb (apt-get install xvfb libgtk-3-0). Prints the monitor's lines; the "run ended"
# line is the answer. JVM options: FX_STALL_JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-120}
[ -f target/dae-workbench.jar ] || mvn -B -q -DskipTests package
home=$(mktemp -d)
log=$(mktemp)
[ -z "${FX_STALL_SETTINGS:-}" ] || cp "$FX_STALL_SETTINGS" "$home/settings.json"
xvfb-run -a -s "-screen 0 1440x900x24" timeout "$seconds" \
  java ${FX_STALL_JAVA_OPTS:-} -Ddae.measureStalls=true -Ddae.home="$home" -Ddae.exitAfterRun=true \
  -jar target/dae-workbench.jar --verbose --autostart "${@:2}" 2>"$log" || true
grep -E "fx-stall|window up|Exception" "$log" || true
rm -rf "$home" "$log"
