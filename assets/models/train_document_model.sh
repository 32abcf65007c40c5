#!/usr/bin/env bash
# Reproduces assets/models/documents.dae, the bundled document denoiser, from nothing but
# this repository: generated dirty/clean page pairs at three scan resolutions, a residual
# (DnCNN-style) network trained on 64x64 patches, and whole-page scores on held-out pages.
# Usage: assets/models/train_document_model.sh [WORK_DIR] [EPOCHS]   (~45 min on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/../.."
work=${1:-target/document-model}; epochs=${2:-10}
[ -f target/dae-workbench.jar ] || mvn -B -q -DskipTests package
app="java -Xmx6g -jar target/dae-workbench.jar"
rm -rf "$work"; mkdir -p "$work/mix/train" "$work/mix/train_cleaned"

# Training pages: Kaggle-sized crops at 110 dpi, and crops at 300 and 200 dpi so that text of
# A4 scans (3x larger in pixels) is not new to the network. Held-out pages use other seeds.
$app generate-documents --count 240 --seed 1 --out "$work/p110"
$app generate-documents --count 120 --seed 2 --width 640 --height 640 --dpi 300 --out "$work/p300"
$app generate-documents --count 80 --seed 3 --width 600 --height 600 --dpi 200 --out "$work/p200"
$app generate-documents --count 24 --seed 777 --out "$work/heldout110"
$app generate-documents --count 12 --seed 778 --width 640 --height 640 --dpi 300 --out "$work/heldout300"
for set in p110:a p300:b p200:c; do
  dir=${set%%:*}; prefix=${set##*:}
  for f in "$work/$dir"/train/*.png; do
    name=$(basename "$f")
    cp "$f" "$work/mix/train/$prefix$name"
    cp "$work/$dir/train_cleaned/$name" "$work/mix/train_cleaned/$prefix$name"
  done
done

# 8 layers x 16 filters: receptive field 17 px, 14k parameters. Phase 1 at 1e-3, phase 2 from
# its weights at 1e-4 (the validation PSNR swung by +-1 dB at 1e-3 and settles at 1e-4).
$app train --dataset "$work/mix" --arch residual --layers 8 --width 16 --loss mse --lr 1e-3 \
  --batch 32 --epochs "$epochs" --seed 1 --out "$work/phase1.dae"
$app train --dataset "$work/mix" --arch residual --layers 8 --width 16 --loss mse --lr 1e-4 \
  --batch 32 --epochs 3 --seed 2 --init "$work/phase1.dae" --out "$work/documents.dae"

for held in heldout110 heldout300; do
  $app eval-pages --model "$work/documents.dae" --pages "$work/$held"
done
echo "trained: $work/documents.dae (copy it to assets/models/documents.dae to bundle it)"
