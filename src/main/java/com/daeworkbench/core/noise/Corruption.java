package com.daeworkbench.core.noise;

import java.util.SplittableRandom;

/**
 * A way to corrupt clean images. Seeded through the caller's random source, so the same
 * code serves training (fresh noise every epoch) and evaluation (fixed noise for a seed).
 * Implementations must be stateless and thread-safe.
 */
public interface Corruption {

    /** Writes a corrupted copy of {@code src[srcOffset, srcOffset+length)} to {@code dst[dstOffset...]}; values stay in [0,1]. */
    void apply(float[] src, int srcOffset, float[] dst, int dstOffset, int length, SplittableRandom rng);

    /** The spec that {@link CorruptionSpec#parse} turns back into this corruption, e.g. "gaussian:0.5+masking:0.1". */
    String spec();
}
