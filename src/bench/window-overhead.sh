#!/usr/bin/env bash
# What training in the window costs over the headless CLI, on the same run (the default conv
# model on the bundled digits, 5 epochs, seed 1), and the window's worst frame gap meanwhile.
# Goal (issue 20): the window's training time at most 1.15 x the CLI's, worst gap under 100 ms.
# Usage: src/bench/window-overhead.sh [ROUNDS]   (needs xvfb and libgtk-3-0; quiet machine)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
jar=${DAE_JAR:-target/dae-workbench.jar}
[ -f "$jar" ] || mvn -B -q -DskipTests package
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
best_cli=999999; best_window=999999; worst_gap=0
for r in $(seq "$rounds"); do
  echo "round $r: load $(cut -d' ' -f1 /proc/loadavg)"
  cli=$(java -jar "$jar" train --dataset digits --arch conv --epochs 5 --seed 1 --out "$tmp/m.dae" 2>&1 \
        | sed -n 's/.*: \([0-9.]*\) s of training and validation.*/\1/p')
  echo "round $r: cli $cli s of training and validation"
  home="$tmp/home$r"; mkdir -p "$home"
  line=$(xvfb-run -a -s "-screen 0 1366x768x24" timeout 300 java -Ddae.measureStalls=true -Ddae.home="$home" \
        -Ddae.exitAfterRun=true -jar "$jar" --autostart --verbose 2>&1 | grep "run ended" || true)
  window=$(echo "$line" | sed -n 's/.* in \([0-9.]*\) s of training.*/\1/p')
  gap=$(echo "$line" | sed -n 's/.*worst gap between pulses \([0-9.]*\) ms.*/\1/p')
  echo "round $r: window $window s of training, worst frame gap $gap ms"
  best_cli=$(echo "if ($cli < $best_cli) $cli else $best_cli" | bc -l)
  best_window=$(echo "if ($window < $best_window) $window else $best_window" | bc -l)
  worst_gap=$(echo "if ($gap > $worst_gap) $gap else $worst_gap" | bc -l)
done
printf 'best: cli %.1f s, window %.1f s: window/cli %.2f; worst frame gap over all rounds %.1f ms\n' \
  "$best_cli" "$best_window" "$(echo "$best_window / $best_cli" | bc -l)" "$worst_gap"
