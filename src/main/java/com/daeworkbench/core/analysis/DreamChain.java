package com.daeworkbench.core.analysis;

import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.noise.Corruption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The denoiser as a generative model: a DAE learns to move a corrupted image back towards
 * the data, so x <- reconstruct(corrupt(x)), repeated, is a Markov chain that walks towards
 * (and then among) images like the training data (Bengio et al. 2013, "Generalized denoising
 * auto-encoders as generative models"). Starting from noise, the chain dreams digits.
 */
public final class DreamChain {

    /** Called after each step on the worker's thread with the step (1-based) and its images (not to be modified). */
    @FunctionalInterface
    public interface StepListener {
        void step(int step, float[] images);
    }

    /** The chain: {@code frames.get(0)} is the start, then one entry per step; each holds {@code count} images. */
    public record Chain(int count, int height, int width, List<float[]> frames) {
        public int steps() { return frames.size() - 1; }

        /** Image {@code i} of frame {@code step}, height x width values. */
        public float[] image(int step, int i) {
            int px = height * width;
            return java.util.Arrays.copyOfRange(frames.get(step), i * px, (i + 1) * px);
        }
    }

    private DreamChain() { }

    /** {@code count} images of uniform noise in [0,1]: the usual starting point. */
    public static float[] noise(int count, int height, int width, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] out = new float[count * height * width];
        for (int i = 0; i < out.length; i++) out[i] = (float) random.nextDouble();
        return out;
    }

    /**
     * Runs {@code steps} steps from {@code start} ({@code count} images). With a null
     * corruption the chain only reconstructs (x <- reconstruct(x)), which usually stalls at a
     * fixed point: the noise is what makes it walk.
     *
     * @throws InterruptedException when the thread is interrupted between steps; the listener has seen every finished step
     */
    public static Chain run(DenoisingModel model, Corruption corruption, float[] start, int count, int height, int width,
                            int steps, long seed, StepListener listener) throws InterruptedException {
        int px = height * width;
        if (start.length != count * px) throw new IllegalArgumentException(start.length + " values are not " + count
                + " images of " + height + "x" + width);
        if (steps < 0) throw new IllegalArgumentException("steps must not be negative, got " + steps);
        var spec = model.spec();
        if (!spec.fullyConvolutional() && (height != spec.inputHeight() || width != spec.inputWidth())) {
            throw new IllegalArgumentException("the model takes " + spec.inputHeight() + "x" + spec.inputWidth()
                    + " images, got " + height + "x" + width);
        }
        List<float[]> frames = new ArrayList<>(steps + 1);
        float[] x = start.clone();
        frames.add(x);
        SplittableRandom random = new SplittableRandom(seed);
        float[] noisy = new float[x.length];
        for (int s = 1; s <= steps; s++) {
            Progress.checkInterrupted();
            if (corruption != null) {
                for (int i = 0; i < count; i++) corruption.apply(x, i * px, noisy, i * px, px, random);
            } else {
                System.arraycopy(x, 0, noisy, 0, x.length);
            }
            x = model.denoise(noisy, count, height, width);
            frames.add(x);
            if (listener != null) listener.step(s, x);
        }
        return new Chain(count, height, width, List.copyOf(frames));
    }
}
