package com.daeworkbench.core.model;

/**
 * A trainable denoiser, whatever engine runs it. Images travel as contiguous float arrays
 * (N images of height x width, row-major, values in [0,1]). Not thread-safe: one thread
 * trains or infers at a time.
 */
public interface DenoisingModel extends AutoCloseable {

    ArchitectureSpec spec();

    long parameterCount();

    /** One optimisation step on a batch of {@code count} images of the spec's input size; returns the batch loss. */
    double fit(float[] noisy, float[] clean, int count);

    /**
     * One training step, exactly as {@link #fit}, that also reports what happened inside the
     * network: per learned layer the update:weight ratio and histograms of its weights, gradients
     * and activations on the probe's images, and the feature maps of the probe's chosen image.
     * It costs copies of the weights and gradients and a forward pass of the probe, so callers
     * ask for it every few steps. Engines that cannot look inside give the loss only.
     */
    default Inspection fitAndInspect(float[] noisy, float[] clean, int count, Probe probe) {
        return Inspection.lossOnly(fit(noisy, clean, count));
    }

    /**
     * Changes the learning rate of the next training steps (the learning-rate finder's sweep);
     * the spec keeps the rate the model was made with.
     */
    default void setLearningRate(double rate) {
        throw new UnsupportedOperationException("this engine's learning rate is fixed");
    }

    /** The loss on a batch, without training. */
    double loss(float[] noisy, float[] clean, int count);

    /**
     * Denoises {@code count} images of {@code height x width}. Dense models take only their
     * input size; fully convolutional ones take any size.
     */
    float[] denoise(float[] noisy, int count, int height, int width);

    /**
     * The code (bottleneck activation) of each image, {@link #codeSize} values per image,
     * image after image: what the latent view plots and the pre-training probe classifies.
     */
    float[] encode(float[] input, int count, int height, int width);

    int codeSize(int height, int width);

    /** Bytes of the engine's own model format (weights and optimizer state). */
    byte[] toBytes();

    /**
     * More entries for the model file besides spec, info and weights (a table model's column
     * schema), by entry name; a model file keeps them and gives them back on load.
     */
    default java.util.Map<String, byte[]> extraEntries() {
        return java.util.Map.of();
    }

    @Override
    void close();
}
