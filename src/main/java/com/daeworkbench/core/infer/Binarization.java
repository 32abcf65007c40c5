package com.daeworkbench.core.infer;

import com.daeworkbench.core.io.GrayImage;

/**
 * Black and white from a cleaned gray page, for output that fax-style compression (CCITT G4)
 * shrinks to a few kilobytes a page. The result holds only 0 (ink) and 1 (paper).
 */
public enum Binarization {
    /** One threshold for the whole page: right for evenly lit pages, which a cleaned page usually is. */
    OTSU {
        @Override
        public GrayImage apply(GrayImage page) {
            return Otsu.binarize(page);
        }
    },
    /** A threshold for each pixel from its neighbourhood: keeps faint text on unevenly lit or stained pages. */
    SAUVOLA {
        @Override
        public GrayImage apply(GrayImage page) {
            return Sauvola.binarize(page, Sauvola.WINDOW, Sauvola.K);
        }
    };

    public abstract GrayImage apply(GrayImage page);
}
