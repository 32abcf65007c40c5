package com.daeworkbench.core.model;

/**
 * The names of a network's arrays in a model file, by the 1-based plan step they belong to.
 * The names are the file format: changing one makes every saved model unreadable.
 */
final class ParameterNames {
    private ParameterNames() { }

    static String weights(int step) { return "w" + step; }

    static String bias(int step) { return "b" + step; }

    static String gamma(int step) { return "gamma" + step; }

    static String beta(int step) { return "beta" + step; }

    static String runningMean(int step) { return "bn" + step + "_rmean"; }

    static String runningVariance(int step) { return "bn" + step + "_rvar"; }

    /**
     * The optimizer's state (Adam's moments, the momentum or RMS averages) for every trainable
     * value in order, named by optimizer so another optimizer never reads it as its own; files of
     * release 0.1.0 have none and start the optimizer afresh.
     */
    static String optimizerState(ArchitectureSpec.Optimizer optimizer) {
        return OPTIMIZER_PREFIX + optimizer.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** How many steps the optimizer has taken (Adam's bias correction depends on it). */
    static final String OPTIMIZER_STEPS = "optimizer_steps";

    private static final String OPTIMIZER_PREFIX = "optimizer_";

    static boolean isOptimizerState(String name) {
        return name.startsWith(OPTIMIZER_PREFIX);
    }

    /** Batch-norm running statistics and the optimizer's state are not parameters: the optimizer never updates them. */
    static boolean isTrainable(String name) {
        return !name.endsWith("_rmean") && !name.endsWith("_rvar") && !isOptimizerState(name);
    }
}
