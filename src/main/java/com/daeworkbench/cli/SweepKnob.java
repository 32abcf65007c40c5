package com.daeworkbench.cli;

import com.daeworkbench.core.model.ArchitectureSpec;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The knobs a sweep can vary, named as train's own options (--lr is "lr"), and how each is set and reported. */
enum SweepKnob {
    LR("lr", false) {
        void set(ModelOptions o, String v) { o.learningRate = Double.parseDouble(v); }
    },
    WIDTH("width", true) {
        void set(ModelOptions o, String v) { o.width = Integer.parseInt(v); }
    },
    LAYERS("layers", true) {
        void set(ModelOptions o, String v) { o.layers = Integer.parseInt(v); }
    },
    BOTTLENECK("bottleneck", true) {
        void set(ModelOptions o, String v) { o.bottleneck = Integer.parseInt(v); }
    },
    BATCH("batch", true) {
        void set(ModelOptions o, String v) { o.batch = Integer.parseInt(v); }
    },
    WEIGHT_DECAY("weight-decay", false) {
        void set(ModelOptions o, String v) { o.weightDecay = Double.parseDouble(v); }
    },
    ACTIVATION("activation", false) {
        void set(ModelOptions o, String v) { o.activation = Converters.parse(ArchitectureSpec.Activation.class, v); }
    },
    OPTIMIZER("optimizer", false) {
        void set(ModelOptions o, String v) { o.optimizer = Converters.parse(ArchitectureSpec.Optimizer.class, v); }
    },
    LOSS("loss", false) {
        void set(ModelOptions o, String v) { o.loss = Converters.parse(ArchitectureSpec.Loss.class, v); }
    },
    /** the corruption is not an architecture knob: SweepCommand reads it from the configuration itself */
    CORRUPTION("corruption", false) {
        void set(ModelOptions o, String v) { }
    };

    final String option;
    final boolean integer;

    SweepKnob(String option, boolean integer) {
        this.option = option;
        this.integer = integer;
    }

    abstract void set(ModelOptions options, String value);

    /** The value as JSON wants it: a number for numeric knobs, text for the rest. */
    Object typed(String value) {
        if (integer) return Integer.parseInt(value);
        return this == LR || this == WEIGHT_DECAY ? (Object) Double.parseDouble(value) : value;
    }

    static SweepKnob of(String name) {
        for (SweepKnob k : values()) if (k.option.equals(name.trim().toLowerCase(Locale.ROOT))) return k;
        throw new IllegalArgumentException("unknown knob '" + name + "': a sweep varies "
                + Arrays.stream(values()).map(k -> k.option).collect(Collectors.joining(", ")));
    }
}
