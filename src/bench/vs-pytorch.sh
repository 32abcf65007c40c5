#!/usr/bin/env bash
# Training throughput of this project against PyTorch (Debian's python3-torch) on the same
# shapes, interleaved round by round so machine noise hits both; each side gets its better
# thread count. Usage: src/bench/vs-pytorch.sh [conv|dense|residual] [SAMPLES] [ROUNDS]
# Needs: apt-get install python3-torch. The PyTorch side is src/bench/torch_train_bench.py: the
# shared reference script (../shared/reference) plus the residual model.
set -euo pipefail
cd "$(dirname "$0")/../.."
arch=${1:-conv}; samples=${2:-2048}; rounds=${3:-3}
ref=${TORCH_BENCH:-src/bench/torch_train_bench.py}
jar=${DAE_JAR:-target/dae-workbench.jar}   # a frozen copy lets you rebuild meanwhile
[ -f "$jar" ] || mvn -B -q -DskipTests package
[ -f "$ref" ] || { echo "no $ref (set TORCH_BENCH)" >&2; exit 1; }
/usr/bin/python3 -c 'import torch' 2>/dev/null || { echo "PyTorch missing: apt-get install python3-torch" >&2; exit 1; }
best_ours=0; best_torch=0
for round in $(seq "$rounds"); do
  for threads in 1 2; do
    t=$(/usr/bin/python3 "$ref" "$arch" "$samples" "$threads" | sed -n 's/.*"train_samples_per_s": \([0-9.]*\).*/\1/p')
    echo "round $round: pytorch $arch, $threads thread(s): $t samples/s"
    best_torch=$(echo "if ($t > $best_torch) $t else $best_torch" | bc -l)
  done
  for threads in 1 2; do
    o=$(OMP_NUM_THREADS=$threads java -jar "$jar" bench --arch "$arch" --samples "$samples" --no-page --json 2>/dev/null \
        | tail -n 1 | sed -n 's/.*"train_samples_per_s":\([0-9.]*\).*/\1/p')
    echo "round $round: dae-workbench $arch, OMP_NUM_THREADS=$threads: $o samples/s"
    best_ours=$(echo "if ($o > $best_ours) $o else $best_ours" | bc -l)
  done
done
printf 'best: dae-workbench %.0f, pytorch %.0f samples/s, ratio %.2fx\n' "$best_ours" "$best_torch" "$(echo "$best_ours / $best_torch" | bc -l)"
