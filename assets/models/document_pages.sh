# Generated pages for the document model, sourced by train_document_model.sh and
# receptive_field_study.sh so that both train and score on the very same pages.
# Needs: $app (the workbench command) and $work (the work folder).

generate_document_pages() {
  # the generator sets text in the machine's fonts: the bundled model's pages had 20 families
  # (README, "Scanned pages": the five font packages); other fonts make other pages
  local families
  families=$($app generate-documents --count 1 --seed 1 --width 64 --height 64 --out "$work/fontcheck" 2>&1 | sed -n 's/.*text in \([0-9]*\) font families.*/\1/p')
  rm -rf "$work/fontcheck"
  [ "$families" = 20 ] || echo "warning: text set in ${families:-?} font families, not the 20 the bundled model's pages had: install the README's font packages to reproduce it" >&2
  # INK_GAIN=G spreads the ink of half the generated training pages (generate-documents
  # --ink-gain; held-out pages never): tried, not bundled (docs/bench/2026-12-04-latin-110dpi.txt)
  local gain=(); [ "${INK_GAIN:-0}" = 0 ] || gain=(--ink-gain "$INK_GAIN")
  # WATERMARKS=SHARE puts a watermark or stamp (generate-documents --watermarks) on that share of
  # the dirty training pages, generated and real (clean and held-out pages never)
  local wm=(); [ "${WATERMARKS:-0}" = 0 ] || wm=(--watermarks "$WATERMARKS")
  # FIGURES=SHARE prints a figure (generate-documents --figures: a photograph, a tinted box or a
  # black bar, on both pages) on that share of the generated training pages, dirty and clean
  # (real crops and held-out pages never)
  local fig=(); [ "${FIGURES:-0}" = 0 ] || fig=(--figures "$FIGURES")
  # SEED_SHIFT=K draws every training page and crop from other seeds (each seed + K; held-out
  # sets keep theirs): fresh pages for a chained run instead of the very same ones again
  local seed_shift=${SEED_SHIFT:-0}
  # GEN110_PAGES, REAL300_CROPS, REAL200_CROPS (and REAL110_CROPS below) size the mix; the defaults
  # made the bundled model (other sizes tried: docs/bench/2026-12-04-latin-110dpi.txt, sections 4-5)
  # Training pages: Kaggle-sized crops at 110 dpi, and crops at 300 and 200 dpi so that text of
  # A4 scans (3x larger in pixels) is not new to the network. Held-out pages use other seeds.
  $app generate-documents "${wm[@]}" "${gain[@]}" "${fig[@]}" --count "${GEN110_PAGES:-120}" --seed $((11 + seed_shift)) --out "$work/p110"
  $app generate-documents "${wm[@]}" "${gain[@]}" "${fig[@]}" --count 60 --seed $((12 + seed_shift)) --width 640 --height 640 --dpi 300 --out "$work/p300"
  $app generate-documents "${wm[@]}" "${gain[@]}" "${fig[@]}" --count 40 --seed $((13 + seed_shift)) --width 600 --height 600 --dpi 200 --out "$work/p200"
  $app generate-documents "${gain[@]}" "${fig[@]}" --count 48 --seed $((14 + seed_shift)) --out "$work/clean110"
  $app generate-documents "${gain[@]}" "${fig[@]}" --count 24 --seed $((15 + seed_shift)) --width 640 --height 640 --dpi 300 --out "$work/clean300"
  $app generate-documents "${gain[@]}" "${fig[@]}" --count 48 --seed $((16 + seed_shift)) --out "$work/clean110b"
  $app generate-documents "${gain[@]}" "${fig[@]}" --count 24 --seed $((17 + seed_shift)) --width 640 --height 640 --dpi 300 --out "$work/clean300b"
  # real text, generated dirt, for training: crops of other real clean pages (the Tesseract
  # project's test images in assets/models/training-scans, none of them in the held-out sets)
  $app generate-documents "${wm[@]}" --count "${REAL300_CROPS:-120}" --seed $((21 + seed_shift)) --dpi 300 --width 640 --height 640 --soil assets/models/training-scans/300dpi --out "$work/soil300"
  $app generate-documents "${wm[@]}" --count "${REAL200_CROPS:-60}" --seed $((22 + seed_shift)) --dpi 200 --soil assets/models/training-scans/200dpi --out "$work/soil200"
  # the same real text near Kaggle's resolution: the scans scaled to 90, 110 and 140 dpi: real
  # letter shapes and edges where the pages are smallest, in three sizes
  # (REAL110_CROPS=240 doubles them: tried, not bundled, docs/bench/2026-12-04-latin-110dpi.txt section 4)
  scans_at_dpi assets/models/training-scans "$work/scans110" 90 110 140
  $app generate-documents "${wm[@]}" --count "${REAL110_CROPS:-120}" --seed $((23 + seed_shift)) --soil "$work/scans110" --out "$work/soil110"
  # AUGRAPHY=DIR (a checkout of github.com/sparkfish/augraphy): a third party's dirt as well,
  # on generated pages, on real crops at 110 dpi and on 300 dpi pages (src/bench/augraphy_dirt.py)
  if [ -n "${AUGRAPHY:-}" ]; then
    $app generate-documents --count 100 --seed $((24 + seed_shift)) --out "$work/augsrc110"
    python3 src/bench/augraphy_dirt.py "$AUGRAPHY" "$work/augsrc110" "$work/aug110" $((24000 + seed_shift)) train
    python3 src/bench/augraphy_dirt.py "$AUGRAPHY" "$work/soil110" "$work/augreal110" $((25000 + seed_shift)) train 120
    python3 src/bench/augraphy_dirt.py "$AUGRAPHY" "$work/p300" "$work/aug300" $((26000 + seed_shift)) train 40
  fi
  # clean pages held out as their own targets: what a clean scan comes back as
  $app generate-documents --count 12 --seed 7791 --out "$work/cleancheck110"
  $app generate-documents --count 6 --seed 7792 --width 640 --height 640 --dpi 300 --out "$work/cleancheck300"
  generate_heldout_pages
  for d in cleancheck110 cleancheck300; do rm -rf "$work/$d/train"; cp -r "$work/$d/train_cleaned" "$work/$d/train"; done
  mkdir -p "$work/mix/train" "$work/mix/train_cleaned"
}

generate_heldout_pages() {   # the held-out dirty sets (also src/bench/foreign-dirt.sh's clean pages)
  $app generate-documents --count 24 --seed 7771 --out "$work/heldout110"
  $app generate-documents --count 12 --seed 7781 --width 640 --height 640 --dpi 300 --out "$work/heldout300"
  # real text, generated dirt: crops of real clean scans (sample-images/real: the Tesseract
  # project's Hebrew scan and two UNLV magazine pages), soiled by the same generator. No
  # training set ever holds these scans: they check text the generator did not set.
  $app generate-documents --count 24 --seed 8801 --dpi 200 --soil sample-images/real/hebtypo-scan.jpg --out "$work/soiledheb"
  mkdir -p "$work/unlv" && cp sample-images/real/unlv-*.tif "$work/unlv/"
  $app generate-documents --count 16 --seed 8802 --dpi 300 --width 640 --height 640 --soil "$work/unlv" --out "$work/soiledunlv"
  # and the held-out Hebrew scan at 110 dpi: real text at Kaggle's resolution (the UNLV pages
  # are left out here: at 110 dpi most 540x420 crops of them hold a halftone photograph, which
  # is no text to clean and would decide the score)
  mkdir -p "$work/real"; cp sample-images/real/hebtypo-scan.jpg "$work/real/"
  scans_at_dpi "$work/real" "$work/real110" 110
  $app generate-documents --count 24 --seed 8811 --soil "$work/real110" --out "$work/soiledheb110"
  # and real Latin text at Kaggle's resolution: the UNLV pages' text columns (cut away from their
  # photographs and headline by hand-picked rectangles, at 300 dpi) scaled to 110 dpi
  mkdir -p "$work/unlvtext"
  convert sample-images/real/unlv-8071_093.tif -crop 1640x1850+1672+0 +repage -colorspace gray -depth 8 "$work/unlvtext/8071_093-columns.png"
  convert sample-images/real/unlv-8087_054.tif -crop 2560x720+0+300 +repage -colorspace gray -depth 8 "$work/unlvtext/8087_054-top.png"
  convert sample-images/real/unlv-8087_054.tif -crop 840x1900+0+1000 +repage -colorspace gray -depth 8 "$work/unlvtext/8087_054-column.png"
  scans_at_dpi "$work/unlvtext" "$work/unlv110" 110
  $app generate-documents --count 18 --seed 8812 --soil "$work/unlv110" --out "$work/soiledunlv110"
}

scans_at_dpi() {   # DIR OUT DPI...: every scan under DIR (at the dpi its folder or name says: 200, else 300) scaled to each DPI
  command -v convert > /dev/null || { echo "document pages: needs ImageMagick's convert" >&2; return 2; }
  mkdir -p "$2"
  local dir=$1 out=$2 f from to; shift 2
  for f in $(find "$dir" -type f \( -name '*.png' -o -name '*.tif' -o -name '*.jpg' \) | sort); do
    case $f in *200dpi*|*hebtypo*) from=200 ;; *) from=300 ;; esac
    for to in "$@"; do   # an area average, as a scanner at that resolution would see the page
      convert "$f" -colorspace gray -filter box -resize "$(awk -v a="$to" -v b="$from" 'BEGIN{printf "%.3f", 100 * a / b}')%" \
        -depth 8 "$out/$(basename "${f%.*}")-$to.png"
    done
  done
}

add_dirty() {   # SET PREFIX: dirty pages with their clean originals
  for f in "$work/$1"/train/*.png; do n=$(basename "$f"); cp "$f" "$work/mix/train/$2$n"; cp "$work/$1/train_cleaned/$n" "$work/mix/train_cleaned/$2$n"; done
}

add_clean() {   # SET PREFIX: clean pages as their own targets: the network must leave a clean scan as it is
  for f in "$work/$1"/train_cleaned/*.png; do n=$(basename "$f"); cp "$f" "$work/mix/train/$2$n"; cp "$f" "$work/mix/train_cleaned/$2$n"; done
}

score_document_model() {   # MODEL: whole-page RMSE on the held-out dirty pages, the soiled real scans and the clean checks
  # (in the mirrored passes eval-pages gives these pages by default since decision 0012; the bench
  # notes' scores before it are one pass: SCORE_PASSES=1 scores as they did)
  local passes=(); [ -z "${SCORE_PASSES:-}" ] || passes=(--passes "$SCORE_PASSES")
  for held in heldout110 heldout300 soiledheb soiledunlv soiledheb110 soiledunlv110 cleancheck110 cleancheck300; do
    $app eval-pages --model "$1" "${passes[@]}" --pages "$work/$held"
  done
}
