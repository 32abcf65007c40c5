package com.daeworkbench.core.analysis;

/** The anomaly scores {@link AnomalyScorer} computes: higher means more anomalous. */
public enum Score {
    MSE("mean squared error between the clean input and its reconstruction"),
    SSIM("1 - SSIM between the clean input and its reconstruction (Gaussian 11x11 windows, as eval computes it)"),
    QUANTILE("99th percentile of the per-pixel squared error: a few badly rebuilt pixels suffice"),
    CORRUPTED_MSE("corrupt the input with the model's own training noise, reconstruct, mean squared error to the clean"
            + " input; averaged over a few fixed noise draws");

    /**
     * The score the views and the CLI start from, by architecture, from the Fashion-MNIST-vs-digits
     * check (first 2,000 test images each, gaussian:0.5): conv, 3 epochs: SSIM 0.983, MSE 0.938,
     * corrupted MSE 0.923, 99% quantile 0.687; dense, 3 epochs: corrupted MSE 0.854, quantile 0.778,
     * MSE 0.740, SSIM 0.468 (its blurry reconstructions lose the structure SSIM measures).
     * Residual models were not measured; they rebuild locally like conv ones, so SSIM.
     */
    public static Score recommendedFor(com.daeworkbench.core.model.ArchitectureSpec.Kind kind, boolean corruptionKnown) {
        if (kind == com.daeworkbench.core.model.ArchitectureSpec.Kind.DENSE) return corruptionKnown ? CORRUPTED_MSE : MSE;
        return SSIM;
    }

    private final String description;

    Score(String description) {
        this.description = description;
    }

    /** One sentence for a tooltip or --help. */
    public String description() { return description; }

    /** True when the score needs the corruption the model was trained with. */
    public boolean needsCorruption() { return this == CORRUPTED_MSE; }

    /** The CLI/JSON name: lower case, e.g. "corrupted_mse". */
    public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
}
