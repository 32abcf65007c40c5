package com.daeworkbench.core.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Seeded initial weights, drawn in Java so that the same seed gives the same network on any
 * machine and thread count. Same scheme as PyTorch's default for conv and linear layers
 * (uniform in +-1/sqrt(fanIn) for weights and biases), so our curves compare with the
 * reference runs.
 */
final class Weights {
    private final SplittableRandom random;

    private Weights(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Every array of the plan, named by {@link ParameterNames}: seeded weights, unit/zero batch-norm state. */
    static Map<String, INDArray> initial(NetworkPlan plan) {
        Weights weights = new Weights(plan.spec().seed());
        Map<String, INDArray> state = new LinkedHashMap<>();
        List<NetworkPlan.Step> steps = plan.steps();
        for (int s = 1; s <= steps.size(); s++) {
            int i = s;
            steps.get(s - 1).accept(new NetworkPlan.Visitor<Void>() {
                public Void dense(NetworkPlan.Dense d) {
                    state.put(ParameterNames.weights(i), array(weights.uniform(d.in() * d.out(), d.in()), d.in(), d.out()));
                    state.put(ParameterNames.bias(i), array(weights.uniform(d.out(), d.in()), d.out()));
                    return null;
                }

                public Void conv(NetworkPlan.Conv c) {
                    int fanIn = 9 * c.in();
                    state.put(ParameterNames.weights(i), array(weights.uniform(9 * c.in() * c.out(), fanIn), 3, 3, c.in(), c.out()));
                    if (c.batchNorm()) {
                        state.put(ParameterNames.gamma(i), array(filled(c.out(), 1f), c.out()));
                        state.put(ParameterNames.beta(i), array(new float[c.out()], c.out()));
                        state.put(ParameterNames.runningMean(i), array(new float[c.out()], c.out()));
                        state.put(ParameterNames.runningVariance(i), array(filled(c.out(), 1f), c.out()));
                    } else {
                        state.put(ParameterNames.bias(i), array(weights.uniform(c.out(), fanIn), c.out()));
                    }
                    return null;
                }

                public Void maxPool(NetworkPlan.MaxPool p) { return null; }

                public Void upsample(NetworkPlan.Upsample u) { return null; }

                public Void output(NetworkPlan.Output o) { return null; }
            });
        }
        return state;
    }

    private static INDArray array(float[] values, long... shape) {
        return Nd4j.create(values, shape, 'c');
    }

    private float[] uniform(int count, int fanIn) {
        double bound = 1.0 / Math.sqrt(fanIn);
        float[] w = new float[count];
        for (int i = 0; i < count; i++) {
            w[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        return w;
    }

    private static float[] filled(int count, float value) {
        float[] w = new float[count];
        Arrays.fill(w, value);
        return w;
    }
}
