#!/usr/bin/env bash
# Dirt our generator did not make (issue 14): the held-out clean pages of the document model's
# script (generated text at 110 dpi, crops of the real Hebrew and UNLV scans at their own
# resolution, and both again at 110 dpi: the Hebrew scan, the UNLV pages' text columns) soiled
# by ImageMagick instead of ScanDegrader, then scored with eval-pages. Every soiled model score
# elsewhere shares the training pages' dirt; this one does not: ImageMagick's plasma fractals,
# shading relief, drawn rings and its own noise and JPEG coder, multiplied in the way
# NoisyOffice made its simulated pages (clean page x scanned dirt).
# What it cannot say: how real coffee and real creases look. No real dirty page with truth
# may be used here (Kaggle / NoisyOffice are kept aside), so it is a second opinion, not a verdict.
#
# Usage: src/bench/foreign-dirt.sh [WORK_DIR] [MODEL...]   (needs ImageMagick 6's convert)
set -euo pipefail
cd "$(dirname "$0")/../.."
work=${1:-target/foreign-dirt}; shift || true
models=("$@"); [ ${#models[@]} -gt 0 ] || models=(assets/models/documents.dae)
[ -f target/dae-workbench.jar ] || mvn -B -q -DskipTests package
app="java -Xmx4g -jar ${JAR:-target/dae-workbench.jar}"
command -v convert > /dev/null || { echo "foreign-dirt: needs ImageMagick's convert" >&2; exit 2; }
rm -rf "$work"; mkdir -p "$work"

# the clean pages: those of the training script's held-out sets (the same seeds, the same crops)
. assets/models/document_pages.sh
generate_heldout_pages

# soil CLEAN OUT SEED DPI: one page of ImageMagick dirt, sized in millimetres like real dirt
soil() {
  local clean=$1 out=$2 s=$3 dpi=$4 t=$work/tmp-$3
  local size; size=$(identify -format %wx%h "$clean")
  local w=${size%x*} h=${size#*x} mm; mm=$(awk -v d="$dpi" 'BEGIN{print d/25.4}')
  local r=$((s * 7919 % 1000))   # a per-page draw, 0..999
  # paper: a cloudy tone between 55-80 % and 90-100 % gray (plasma fractal, blurred over ~8 mm)
  local lo=$((55 + r % 26)) hi=$((90 + r % 11))
  convert -size "$size" -seed "$s" plasma:grey60-grey90 -colorspace gray -blur 0x"$(awk -v m="$mm" 'BEGIN{print 8*m}')" \
    -auto-level +level "$lo%,$hi%" "$t-paper.png"
  # crumpled paper: fractal relief lit from the side, weak, every other page
  if [ $((r % 2)) = 0 ]; then
    convert -size "$size" -seed $((s + 1)) plasma:fractal -colorspace gray -blur 0x"$(awk -v m="$mm" 'BEGIN{print 0.6*m}')" \
      -shade $((90 + r % 180))x40 -auto-level +level 78%,100% "$t-relief.png"
  else convert -size "$size" xc:white "$t-relief.png"; fi
  # stains: two to four rings, pale inside and dark at the rim, 8-30 mm across
  local draw="" k
  for k in 1 2 3 4; do
    [ $k -le $((2 + r % 3)) ] || break
    local cx=$(((s * 131 + k * 977) % w)) cy=$(((s * 71 + k * 613) % h))
    local rad; rad=$(awk -v m="$mm" -v q=$(((s * k * 37) % 100)) 'BEGIN{printf "%d", (4 + 11 * q / 100) * m}')
    local edge=$((cx + rad))
    draw+=" -fill gray88 -stroke gray62 -strokewidth $(awk -v m="$mm" 'BEGIN{printf "%.1f", 0.6*m}') -draw 'circle $cx,$cy $edge,$cy'"
  done
  eval convert -size "$size" xc:white "$draw" -blur 0x"$(awk -v m="$mm" 'BEGIN{print 0.4*m}')" "$t-stain.png"
  # the toner: black to 20 % gray; then paper x relief x stains, sensor noise, a JPEG round trip
  convert "$clean" +level "$((r % 21))%,100%" "$t-paper.png" -compose multiply -composite \
    "$t-relief.png" -compose multiply -composite "$t-stain.png" -compose multiply -composite \
    -seed "$s" -attenuate 0.$((2 + r % 5)) +noise Gaussian -quality $((35 + r % 50)) "$t.jpg"
  convert "$t.jpg" -colorspace gray -depth 8 "$out"
  rm -f "$t"-*.png "$t.jpg"
}

j=0
for set in 110:110:heldout110 heb:200:soiledheb unlv:300:soiledunlv heb110:110:soiledheb110 unlv110:110:soiledunlv110; do
  IFS=: read -r name dpi held <<< "$set"
  j=$((j + 1)); src=$work/$held dst=$work/foreign$name
  mkdir -p "$dst/train" "$dst/train_cleaned"
  i=0
  for f in "$src"/train_cleaned/*.png; do
    i=$((i + 1)); n=$(basename "$f"); cp "$f" "$dst/train_cleaned/$n"
    soil "$f" "$dst/train/$n" $((9000 + 100 * j + i)) "$dpi"
  done
done

for m in "${models[@]}"; do
  echo "== $m"
  for name in 110 heb unlv heb110 unlv110; do $app eval-pages --model "$m" --pages "$work/foreign$name"; done
done
