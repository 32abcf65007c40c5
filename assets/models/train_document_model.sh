#!/usr/bin/env bash
# Reproduces assets/models/documents.dae, the bundled document denoiser: a residual
# (DnCNN-style) network of 12 layers x 16 filters that sees each page divided by its estimated
# paper (spec pageInput PAPER_DIVIDED, model format 2: denoise, eval-pages and the Documents
# tab divide the same way, and leave surfaces too dark to be paper as they were).
#
# How the bundled file was made (2026-12-03, OMP_NUM_THREADS=2): this script run three times on
# the gray-ink target,
# each run 2 epochs at 2e-4 and 1 at 1e-4 (best epoch kept), 20-25 min each on a quiet machine.
# The first run started from the bundled model of commit d507a5e (START_COMMIT's default), with
# the generator of that commit (no shoe prints), 60 + 30 soiled real crops and no real crops as
# their own targets; the second from the first's output (START_MODEL=FILE) with shoe prints and
# the real crops as targets too; the third from the second's with this script as of 33ca42b (120 + 60
# soiled real crops). Each run with more real text scored better on the soiled real scans and a
# little worse on generated pages. The last mix: 220 generated dirty pages (110, 200 and 300 dpi),
# 180 dirty crops of real clean pages (assets/models/training-scans, soiled by the generator),
# 144 generated clean pages and the 180 real crops as their own targets: a clean scan must stay
# clean. d507a5e's model itself was 75bd146's fine-tuned 3 epochs at 3e-4 and 2 at 1e-4 on the
# generated pages alone (git show d507a5e:assets/models/train_document_model.sh).
# Then the target's ink turned black (docs/decisions/0010-black-ink-targets.md): three more runs of
# this script as of 2fc52fc, the first from 33ca42b's bundled model (START_MODEL=FILE), each next one
# from the previous one's output; 25-33 min each. Figures: docs/bench/2026-12-03-black-ink.txt.
# Scores: README, "Scanned pages".
# Then real text followed the black-ink rule (dd67dab: soiled real crops print their ink in a
# 0-0.2 toner, targets black; docs/bench/2026-12-03-real-toner.txt): the bundled file is two
# more chained runs of this script as it is, the first from the sixth run's output, 15 min each
# on a quiet machine with the README's fonts installed (the generator sets text in the machine's
# fonts). A mix with a public-domain Dickens book page as real 110 dpi text was tried and
# dropped: 6-7 % worse on the soiled UNLV crops.
# Then real text at Kaggle's resolution (2026-12-04, docs/bench/2026-12-04-real-text-110dpi.txt):
# the training scans scaled to 110 dpi, soiled, and as their own targets (soil110): the bundled
# file is three more chained runs from the previous bundled model (410bcfb), the first two with
# the scans at 110 dpi only, the third with this script as it is (90, 110 and 140 dpi); 16-20 min
# each on a quiet machine. Scaling the scans needs ImageMagick's convert.
# Then depth (2026-12-04, docs/bench/2026-12-04-latin-110dpi.txt sections 6-7): the bundled file
# is that 8-layer model (507bf06) grown to 12 layers and trained in four chained runs of this
# script as it is, each with REAL110_CROPS=240 GEN110_PAGES=200 REAL300_CROPS=180 REAL200_CROPS=90:
# the first with START_COMMIT=507bf06 ADD_LAYERS=4, each next one with START_MODEL=the previous
# run's documents.dae; 38 min each at OMP_NUM_THREADS=2 on a quiet machine. Then one more run
# the same way at half the rates (LR1=1e-4 LR2=5e-5, START_MODEL=the fourth run's output; 38 min):
# the bundled file of b0985a6 (section 8 of that note). Then watermarks (2026-12-05,
# docs/bench/2026-12-05-watermarks.txt): the bundled file is one more run of this script as it is,
# with WATERMARKS=0.2 LR1=1e-4 LR2=5e-5 START_MODEL=b0985a6's bundled file and the four sizes above;
# 38 min at OMP_NUM_THREADS=2 (run 41).
# FIGURES=SHARE prints figures on that share of the typeset training pages (run 44 with darker
# watermarks, 2026-12-05): tried, not bundled (docs/bench/2026-12-05-watermarks.txt).
# AUGRAPHY=CHECKOUT adds 260 pages soiled by Augraphy (github.com/sparkfish/augraphy, MIT; needs
# its Python requirements and TRAIN_HEAP=12g for the 1724 pages): tried (run 39, 2026-12-05), not
# bundled: better on Augraphy's dirt, worse on ours and on ImageMagick's (docs/bench/2026-12-05-augraphy.txt).
# A from-scratch run on paper-divided pages (FROM_SCRATCH=1: 484 pages, 12 + 4 epochs) did not
# fit in a session on the shared machine; after 1 epoch it scored 0.045 on heldout110.
# Usage: assets/models/train_document_model.sh [WORK_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
work=${1:-target/document-model}
[ -f target/dae-workbench.jar ] || mvn -B -q -DskipTests package
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}
app="java -Xmx${TRAIN_HEAP:-6g} -Ddae.replicas=1 -jar ${JAR:-target/dae-workbench.jar}"
rm -rf "$work"; mkdir -p "$work"

. assets/models/document_pages.sh
generate_document_pages
add_dirty p110 a; add_dirty p300 b; add_dirty p200 c; add_clean clean110 d; add_clean clean300 e

# depth and width come from the model a run starts from (--init), so only a fresh start names them
common=(--dataset "$work/mix" --page-input paper-divided --arch residual --loss mse --batch 32 --keep-best)
if [ "${FROM_SCRATCH:-0}" = 1 ]; then
  $app train "${common[@]}" --layers 8 --width 16 --lr 1e-3 --epochs 12 --seed 1 --out "$work/phase1.dae"
  $app train "${common[@]}" --lr 1e-4 --epochs 4 --seed 2 --init "$work/phase1.dae" --out "$work/documents.dae"
else
  # fine-tune START_MODEL (else the bundled file of START_COMMIT) on the same pages plus real text soiled here
  if [ -n "${START_MODEL:-}" ]; then cp "$START_MODEL" "$work/start.dae"
  else git show "${START_COMMIT:-d507a5e}":assets/models/documents.dae > "$work/start.dae"; fi
  add_clean clean110b f; add_clean clean300b g; add_dirty soil300 h; add_dirty soil200 i
  add_clean soil300 j; add_clean soil200 k; add_dirty soil110 l; add_clean soil110 m
  if [ -n "${AUGRAPHY:-}" ]; then add_dirty aug110 n; add_dirty augreal110 o; add_dirty aug300 p; fi
  # LR1 and LR2 set the two rounds' learning rates (2 epochs, then 1)
  # ADD_LAYERS=N grows the start model by N identity layers before this run (train --add-layers)
  grow=(); [ "${ADD_LAYERS:-0}" != 0 ] && grow=(--add-layers "$ADD_LAYERS")
  $app train "${common[@]}" --lr "${LR1:-2e-4}" --epochs 2 --seed 7 --init "$work/start.dae" "${grow[@]}" --out "$work/round1.dae"
  $app train "${common[@]}" --lr "${LR2:-1e-4}" --epochs 1 --seed 8 --init "$work/round1.dae" --out "$work/documents.dae"
fi

score_document_model "$work/documents.dae"
echo "trained: $work/documents.dae (copy it to assets/models/documents.dae to bundle it)"
