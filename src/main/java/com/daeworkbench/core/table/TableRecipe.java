package com.daeworkbench.core.table;

import com.daeworkbench.core.model.ArchitectureSpec;

/**
 * The starting recipe for a table: an overcomplete dense DAE (code wider than the row, as MIDA
 * and the mDAE comparison found best for imputation; the corruption, not a narrow code, keeps it
 * from copying its input), MSE on the scaled values, and swap noise, which corrupts a cell with
 * a value its column really takes.
 */
public final class TableRecipe {
    public static final String CORRUPTION = "swap:0.2";
    public static final int EPOCHS = 100;

    private TableRecipe() { }

    public static ArchitectureSpec defaults(int features) {
        int width = Math.min(4096, Math.max(64, 8 * features));
        int code = Math.min(4096, Math.max(32, 2 * features));
        return new ArchitectureSpec(ArchitectureSpec.Kind.DENSE, 1, features, 2, width, code,
                ArchitectureSpec.Activation.RELU, ArchitectureSpec.Loss.MSE, ArchitectureSpec.Optimizer.ADAM,
                1e-3, 32, 0, 1);
    }
}
