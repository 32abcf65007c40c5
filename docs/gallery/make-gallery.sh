#!/usr/bin/env bash
# Before/after gallery of the real pages we may show (sample-images/real, licences in
# sample-images/README.md): input | background removal (eval-pages' baseline) | first model |
# second model
# (the two model files given), side by side; crops at full resolution.
# Usage: docs/gallery/make-gallery.sh OLD_MODEL.dae [NEW_MODEL.dae, default the bundled one]
# (after mvn -B -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/../.."
old=${1:?previous model file}; new=${2:-}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
app="java -Xmx3g -jar target/dae-workbench.jar"
# strip OUT CROP TITLE IMAGE...: full-resolution crops of the images side by side (what the eye judges)
strip() {
  local out=$1 crop=$2 title=$3; shift 3
  local crops=()
  for v in "$@"; do
    convert "$v" -colorspace Gray -crop "$crop" +repage "$v.crop.png"
    crops+=("$v.crop.png")
  done
  montage "${crops[@]}" -tile "$#x1" -geometry +8+8 -title "$title" -depth 8 \
    -colorspace Gray -define png:compression-level=9 "$out"
}

cp sample-images/real/hebtypo-scan.jpg sample-images/real/skimage-page.png "$tmp/"
$app denoise --model "$old" --out "$tmp/old" "$tmp/hebtypo-scan.jpg" "$tmp/skimage-page.png"
$app denoise ${new:+--model "$new"} --out "$tmp/new" "$tmp/hebtypo-scan.jpg" "$tmp/skimage-page.png"
for page in hebtypo-scan:jpg:420x300+200+620 skimage-page:png:384x191+0+0; do
  IFS=: read -r name ext crop <<< "$page"
  java -cp "target/classes:target/lib/*" docs/gallery/BackgroundRemoval.java "$tmp/$name.$ext" "$tmp/$name-bg.png"
  strip "docs/gallery/$name.png" "$crop" "$name: input | background removal | first model | second model" \
    "$tmp/$name.$ext" "$tmp/$name-bg.png" "$tmp/old/$name.png" "$tmp/new/$name.png"
done
# soiled_strip NAME CROP TITLE SCANS [generate-documents options]: one crop of real clean scans
# (held out from every training set) with generated dirt, through both models
soiled_strip() {
  local name=$1 crop=$2 title=$3 scans=$4; shift 4
  $app generate-documents --count 1 "$@" --soil "$scans" --out "$tmp/$name"
  local dirty="$tmp/$name/train/001.png"
  $app denoise --model "$old" --out "$tmp/$name-old" "$dirty"
  $app denoise ${new:+--model "$new"} --out "$tmp/$name-new" "$dirty"
  java -cp "target/classes:target/lib/*" docs/gallery/BackgroundRemoval.java "$dirty" "$tmp/$name-bg.png"
  strip "docs/gallery/$name.png" "$crop" "$title: input | background removal | first model | second model | clean scan" \
    "$dirty" "$tmp/$name-bg.png" "$tmp/$name-old/001.png" "$tmp/$name-new/001.png" "$tmp/$name/train_cleaned/001.png"
}
mkdir -p "$tmp/unlv" && cp sample-images/real/unlv-8087_054.tif "$tmp/unlv/"
soiled_strip soiled-unlv 400x300+0+60 "soiled UNLV crop" "$tmp/unlv" --seed 8813 --dpi 300 --width 640 --height 640
# real text at Kaggle's size: the Hebrew scan at 110 dpi, scaled as the training script scales scans
. assets/models/document_pages.sh
mkdir -p "$tmp/heb" && cp sample-images/real/hebtypo-scan.jpg "$tmp/heb/"
scans_at_dpi "$tmp/heb" "$tmp/heb110" 110
soiled_strip soiled-heb110 300x220+80+100 "soiled Hebrew crop at 110 dpi" "$tmp/heb110" --seed 8815
ls -la docs/gallery/*.png
