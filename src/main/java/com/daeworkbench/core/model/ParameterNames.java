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

    /** Batch-norm running statistics are state, not parameters: the optimizer never sees them. */
    static boolean isTrainable(String name) {
        return !name.endsWith("_rmean") && !name.endsWith("_rvar");
    }
}
