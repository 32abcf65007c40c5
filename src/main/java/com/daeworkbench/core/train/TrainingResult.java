package com.daeworkbench.core.train;

import java.util.List;

/** How a run ended and what each completed epoch measured. */
public record TrainingResult(TrainingEvent.Outcome outcome, String message, List<TrainingEvent.EpochDone> epochs) {

    public TrainingEvent.EpochDone lastEpoch() {
        return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }
}
