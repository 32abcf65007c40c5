package com.daeworkbench.core.model;

import com.daeworkbench.core.model.ArchitectureSpec.Optimizer;

/**
 * The training half of an {@link ArchitectureSpec}: how the weights are fitted, not what they mean.
 * A run that starts from another model's weights keeps its own training settings and takes the
 * other model's {@link Network}.
 *
 * @param seed seeds the initial weights and the order of the training data
 */
public record TrainingConfig(Optimizer optimizer, double learningRate, int batchSize, double weightDecay, long seed) {

    public TrainingConfig {
        Network.require(optimizer != null, "optimizer is required");
        Network.require(learningRate > 0 && learningRate <= 1, "learning rate must be in (0, 1], got " + learningRate);
        Network.require(batchSize >= 1 && batchSize <= 4096, "batch size must be in 1..4096, got " + batchSize);
        Network.require(weightDecay >= 0 && weightDecay < 1, "weight decay must be in [0, 1), got " + weightDecay);
    }

    public TrainingConfig withOptimizer(Optimizer o) { return new TrainingConfig(o, learningRate, batchSize, weightDecay, seed); }

    public TrainingConfig withLearningRate(double lr) { return new TrainingConfig(optimizer, lr, batchSize, weightDecay, seed); }

    public TrainingConfig withBatchSize(int b) { return new TrainingConfig(optimizer, learningRate, b, weightDecay, seed); }

    public TrainingConfig withWeightDecay(double wd) { return new TrainingConfig(optimizer, learningRate, batchSize, wd, seed); }

    public TrainingConfig withSeed(long s) { return new TrainingConfig(optimizer, learningRate, batchSize, weightDecay, s); }
}
