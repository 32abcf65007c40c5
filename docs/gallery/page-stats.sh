#!/usr/bin/env bash
# Generated pages beside real ones, as issue 14 asks: gray-level histograms and radial power
# spectra (docs/gallery/PageStats.java) of generated dirty pages and the one real dirty page we
# may show (sample-images/real/skimage-page.png, a photographed page), and of generated clean
# pages and real clean scans (the Tesseract Hebrew scan, a UNLV page). Writes
# docs/gallery/stats-dirty.png and stats-clean.png and prints the figures.
# Usage: docs/gallery/page-stats.sh (after mvn -B -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
app="java -jar target/dae-workbench.jar"
stats="java -cp target/classes:target/lib/* docs/gallery/PageStats.java"
$app generate-documents --count 2 --seed 8901 --out "$tmp/g110" >/dev/null 2>&1
$app generate-documents --count 1 --seed 8902 --dpi 300 --width 640 --height 640 --out "$tmp/g300" >/dev/null 2>&1
for kind in train train_cleaned; do
  mkdir -p "$tmp/$kind"
  cp "$tmp/g110/$kind/001.png" "$tmp/$kind/gen-110dpi-1.png"
  cp "$tmp/g110/$kind/002.png" "$tmp/$kind/gen-110dpi-2.png"
  cp "$tmp/g300/$kind/001.png" "$tmp/$kind/gen-300dpi.png"
done
real=sample-images/real
echo "dirty pages"
$stats docs/gallery/stats-dirty.png "$tmp"/train/gen-*.png $real/skimage-page.png
echo "clean pages"
$stats docs/gallery/stats-clean.png "$tmp"/train_cleaned/gen-*.png $real/hebtypo-scan.jpg $real/unlv-8087_054.tif
