package com.daeworkbench.cli;

/**
 * -Ddae.maxEpochs=N caps every run's epochs: the test that runs the README's command lines as
 * written (ReadmeCommandsIT) uses it so that "--epochs 3" proves the command works in one epoch.
 */
final class Epochs {
    private Epochs() { }

    static int capped(int epochs) {
        return Math.min(epochs, Math.max(1, Integer.getInteger("dae.maxEpochs", Integer.MAX_VALUE)));
    }
}
