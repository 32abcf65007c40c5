#!/usr/bin/env python3
"""Dirt made by Augraphy (github.com/sparkfish/augraphy, MIT), a third party's document
degradation library, as a third judge for the document model (issue 14).

Our generator (ScanDegrader) made the dirt of every soiled set but one; foreign-dirt.sh's sets
use ImageMagick. Augraphy was written to mimic printing, photocopying and scanning (stains,
dirty drums and rollers, bad photocopies, bleed-through, watermarks, lighting gradients, cast
shadows, paper texture) by people who are not us. Only its pixel-aligned effects are used:
whole-page RMSE needs the soiled page to sit exactly on its clean page, so nothing that moves,
folds, warps, shifts or crops the page is in the pipeline.

The training script can also soil training pages this way (AUGRAPHY=DIR, mode "train"): the
same pipeline without watermarks, whose big dark letters a target cannot tell from a heading.

Usage: src/bench/augraphy_dirt.py AUGRAPHY_DIR SRC_SET DST_SET SEED [judge|train [MAX_PAGES]]
  AUGRAPHY_DIR  a checkout holding the package folder augraphy/ (needs numpy, opencv, scikit-image, numba)
  SRC_SET       a page set (train_cleaned/ holds the clean pages); DST_SET gets train/ and train_cleaned/
"""
import os
import random
import shutil
import sys
import tempfile


def pipeline(aug, watermarks):
    ink = [
        aug.InkBleed(intensity_range=(0.1, 0.3), kernel_size=(3, 3), severity=(0.3, 0.5), p=0.3),
        aug.BleedThrough(intensity_range=(0.1, 0.3), color_range=(32, 224), ksize=(17, 17),
                         sigmaX=1, alpha=random.uniform(0.1, 0.25), offsets=(10, 20), p=0.3),
        aug.OneOf([aug.LowInkRandomLines(count_range=(3, 8), noise_probability=0.1),
                   aug.LowInkPeriodicLines(count_range=(2, 4), period_range=(16, 32), noise_probability=0.1)],
                  p=0.15),
    ]
    paper = [
        aug.ColorPaper(hue_range=(0, 255), saturation_range=(10, 40), p=0.4),
        aug.WaterMark(watermark_word="random", watermark_font_size=(10, 15), watermark_font_thickness=(20, 25),
                      watermark_rotation=(0, 360), watermark_location="random", watermark_color="random",
                      watermark_method="darken", p=0.2 if watermarks else 0),
        aug.AugmentationSequence([
            aug.NoiseTexturize(sigma_range=(3, 10), turbulence_range=(2, 5),
                               texture_width_range=(300, 500), texture_height_range=(300, 500)),
            aug.BrightnessTexturize(texturize_range=(0.85, 0.99), deviation=0.05)], p=0.6),
    ]
    post = [
        aug.Stains(p=0.5),
        aug.OneOf([aug.DirtyDrum(line_width_range=(1, 6), line_concentration=random.uniform(0.05, 0.15),
                                 direction=random.randint(0, 2), noise_intensity=random.uniform(0.6, 0.95),
                                 noise_value=(64, 224), ksize=(5, 5), sigmaX=0),
                   aug.DirtyRollers(line_width_range=(2, 32), scanline_type=0)], p=0.3),
        aug.BadPhotoCopy(noise_iteration=(1, 2), noise_value=(32, 128), p=0.3),
        aug.OneOf([aug.LightingGradient(mode="gaussian"),
                   aug.ShadowCast(shadow_opacity_range=(0.2, 0.6))], p=0.5),
        aug.OneOf([aug.Brightness(brightness_range=(0.8, 1.0)), aug.Gamma(gamma_range=(0.7, 1.1))], p=0.5),
        aug.SubtleNoise(subtle_range=random.randint(5, 15), p=0.5),
        aug.Jpeg(quality_range=(35, 85), p=0.5),
    ]
    return aug.AugraphyPipeline(ink_phase=ink, paper_phase=paper, post_phase=post)


def main():
    lib, src, dst, seed = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    mode = sys.argv[5] if len(sys.argv) > 5 else "judge"
    if mode not in ("judge", "train"):
        sys.exit(f"mode '{mode}' is not judge or train")
    limit = int(sys.argv[6]) if len(sys.argv) > 6 else None
    sys.path.insert(0, lib)
    # Augraphy's numba-compiled parts draw from numba's own generator, one per thread: one
    # thread, seeded with each page below, so that a seed makes the same page on every run
    os.environ["NUMBA_NUM_THREADS"] = "1"
    import numba
    import cv2
    import numpy as np
    import augraphy as aug
    import augraphy.augmentations.lib as aug_lib
    from glob import glob
    # the verso is a random pick from a glob of that folder, in the file system's order: sorted,
    # the same seed picks the same page on every run
    aug_lib.glob = lambda pattern, recursive=False: sorted(glob(pattern, recursive=recursive))
    src, dst = os.path.abspath(src), os.path.abspath(dst)
    for sub in ("train", "train_cleaned"):
        os.makedirs(os.path.join(dst, sub), exist_ok=True)
    names = sorted(n for n in os.listdir(os.path.join(src, "train_cleaned")) if n.endswith(".png"))[:limit]
    # Augraphy keeps its last 30 input pages in ./augraphy_cache and its bleed-through shows one
    # of them as the verso: a fresh folder per set, so that a set is the same on every run and
    # its versos are pages of the same set, not of whatever ran before
    cache_home = tempfile.mkdtemp(prefix="augraphy-")
    os.chdir(cache_home)
    @numba.njit
    def seed_numba(s):
        np.random.seed(s)
        random.seed(s)

    for i, name in enumerate(names):
        clean_path = os.path.join(src, "train_cleaned", name)
        clean = cv2.imread(clean_path, cv2.IMREAD_GRAYSCALE)
        random.seed(seed + i)
        np.random.seed(seed + i)
        seed_numba(seed + i)
        soiled = pipeline(aug, mode == "judge").augment(cv2.cvtColor(clean, cv2.COLOR_GRAY2BGR))["output"]
        if soiled.ndim == 3:
            soiled = cv2.cvtColor(soiled, cv2.COLOR_BGR2GRAY)
        if soiled.shape != clean.shape:
            sys.exit(f"{name}: Augraphy changed the page size {clean.shape} -> {soiled.shape}")
        cv2.imwrite(os.path.join(dst, "train", name), soiled)
        shutil.copy(clean_path, os.path.join(dst, "train_cleaned", name))
    shutil.rmtree(cache_home, ignore_errors=True)


if __name__ == "__main__":
    main()
