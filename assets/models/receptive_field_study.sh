#!/usr/bin/env bash
# What receptive field buys the document model at the same cost per page: trains one variant
# from scratch on the pages of train_document_model.sh (dirty 110/200/300 dpi pages and 40 %
# clean pages as their own targets), the same budget for every variant, then scores it on the
# held-out generated pages. Run it once per variant, one after the other or side by side:
#   assets/models/receptive_field_study.sh target/rf plain
#   assets/models/receptive_field_study.sh target/rf dilated --dilation 3
# Budget: EPOCHS (default 5) at 1e-3, then 1 epoch at 1e-4; batch 32 of 64x64 patches.
# Result (2026-12-03, docs/bench/2026-12-03-receptive-field.txt): dilation 2 (reach 14 pixels
# against 8) scored 0.0412 / 0.0364 on the held-out 110 / 300 dpi pages against 0.0390 / 0.0364
# undilated, at 1.4-1.5x the A4 page time: not shipped.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$1; name=$2; shift 2
[ -f target/dae-workbench.jar ] || mvn -B -q -DskipTests package
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}
app="java -Xmx6g -Ddae.replicas=1 -jar ${JAR:-target/dae-workbench.jar}"

. assets/models/document_pages.sh
mkdir -p "$work"
# the first variant generates the pages; the others wait for them
if mkdir "$work/.generating" 2>/dev/null; then
  generate_document_pages
  add_dirty p110 a; add_dirty p300 b; add_dirty p200 c
  add_clean clean110 d; add_clean clean300 e; add_clean clean110b f; add_clean clean300b g
  touch "$work/.ready"
fi
while [ ! -f "$work/.ready" ]; do sleep 10; done

common=(--dataset "$work/mix" --page-input paper-divided --arch residual --layers 8 --width 16 --loss mse --batch 32 --keep-best "$@")
start=$(date +%s)
$app train "${common[@]}" --lr 1e-3 --epochs "${EPOCHS:-5}" --seed 1 --out "$work/$name-phase1.dae"
$app train "${common[@]}" --lr 1e-4 --epochs 1 --seed 2 --init "$work/$name-phase1.dae" --out "$work/$name.dae"
echo "$name: trained in $(( $(date +%s) - start )) s"
score_document_model "$work/$name.dae"
