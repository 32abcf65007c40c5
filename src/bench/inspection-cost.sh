#!/usr/bin/env bash
# What one inspected training step costs, per architecture (docs/bench/2026-12-02-diagnostics.txt,
# session 5): usage inspection-cost.sh DENSE|CONV|RESIDUAL [BLOCKS]. Prints each block's times
# (ms) and the medians (first two blocks dropped). Run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f target/dae-workbench.jar ] || mvn -B -q -DskipTests package
out=$(mktemp -d)
cp="target/classes:target/lib/*"
javac -d "$out" -cp "$cp" src/bench/inspection-cost/BlockCost.java
java -cp "$cp:$out" BlockCost "${1:-DENSE}" "${2:-20}" 2>/dev/null | grep '^9 fits' | tee "$out/log"
python3 - "$out/log" <<'PY'
import re, statistics as st, sys
rows = [list(map(float, re.findall(r'[\d.]+', l))) for l in open(sys.argv[1])][2:]
fit = st.median([r[i] for r in rows for i in (1, 2, 4)]); ins = st.median([r[3] for r in rows])
print('plain %.1f ms, inspected %.1f ms, +%.1f ms: every 10 %.1f%%, every 20 %.1f%%'
      % (fit, ins, ins - fit, 100 * (ins - fit) / (10 * fit), 100 * (ins - fit) / (20 * fit)))
PY
rm -rf "$out"
