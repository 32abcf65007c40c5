package com.daeworkbench.core.model;

import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;

/** ND4J's updater for an architecture's optimizer and learning rate (defaults otherwise, as PyTorch's). */
final class Optimizers {
    static final double MOMENTUM = 0.9;

    private Optimizers() { }

    static IUpdater of(ArchitectureSpec spec) {
        return switch (spec.optimizer()) {
            case ADAM -> new Adam(spec.learningRate());
            case SGD_MOMENTUM -> new Nesterovs(spec.learningRate(), MOMENTUM);
            case RMSPROP -> new RmsProp(spec.learningRate());
        };
    }
}
