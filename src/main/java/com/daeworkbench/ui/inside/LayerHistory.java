package com.daeworkbench.ui.inside;

import com.daeworkbench.core.model.Histogram;
import java.util.List;

/** One learned layer's inspected steps, oldest first: what its ratio line and its three histogram strips draw. */
public record LayerHistory(String name, long weightCount, List<Sample> samples) {

    /** One inspected step of the layer. */
    public record Sample(int iteration, double updateRatio, Histogram weights, Histogram gradients, Histogram activations) {
        /** log10 of the update ratio; NaN when there is none (weights all zero). */
        public double log10Ratio() {
            return updateRatio > 0 && Double.isFinite(updateRatio) ? Math.log10(updateRatio) : Double.NaN;
        }
    }

    public LayerHistory {
        samples = List.copyOf(samples);
    }

    public Sample latest() {
        return samples.isEmpty() ? null : samples.get(samples.size() - 1);
    }

    /** Which of a sample's histograms a strip draws. */
    public enum Quantity {
        WEIGHTS("weights"), GRADIENTS("gradients"), ACTIVATIONS("activations");

        public final String label;

        Quantity(String label) { this.label = label; }

        public Histogram of(Sample s) {
            return switch (this) {
                case WEIGHTS -> s.weights();
                case GRADIENTS -> s.gradients();
                case ACTIVATIONS -> s.activations();
            };
        }
    }
}
