package com.daeworkbench.core.model;

/**
 * One learned layer at one training step, on its weights (not its biases or batch-norm scales,
 * which start at 0 or 1 and would blur the picture):
 *
 * @param updateRatio  |applied update| / |weights before the step| (L2 norms), the update the
 *                     optimizer really applied (learning rate, momentum, weight decay and all)
 * @param gradientNorm |gradient| of the batch's loss with respect to the weights
 * @param activations  this layer's outputs on the run's probe images (validation images)
 */
public record LayerInspection(int step, String name, long weightCount, double updateRatio, double gradientNorm,
                              Histogram weights, Histogram gradients, Histogram activations) { }
