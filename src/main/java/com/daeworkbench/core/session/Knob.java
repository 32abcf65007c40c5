package com.daeworkbench.core.session;

import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.ArchitectureSpec.Activation;
import com.daeworkbench.core.model.ArchitectureSpec.Loss;
import com.daeworkbench.core.model.ArchitectureSpec.Optimizer;
import com.daeworkbench.core.model.Network;
import com.daeworkbench.core.model.TrainingConfig;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The knobs a sweep can vary, named as train's own options (--lr is "lr"): how each value
 * changes a spec, and how it is reported. The corruption is a knob too, but of the data, not of
 * the spec: a sweep reads it from the configuration itself.
 */
public enum Knob {
    LR("lr", false),
    WIDTH("width", true),
    LAYERS("layers", true),
    BOTTLENECK("bottleneck", true),
    DILATION("dilation", true),
    BATCH("batch", true),
    WEIGHT_DECAY("weight-decay", false),
    ACTIVATION("activation", false),
    OPTIMIZER("optimizer", false),
    LOSS("loss", false),
    CORRUPTION("corruption", false);

    /** the option's name, without its dashes */
    public final String option;
    public final boolean integer;

    Knob(String option, boolean integer) {
        this.option = option;
        this.integer = integer;
    }

    /** The spec with this knob at {@code value}; throws IllegalArgumentException naming the knob for a bad value. */
    public ArchitectureSpec apply(ArchitectureSpec s, String value) {
        try {
            String v = value.trim();
            Network n = s.network();
            TrainingConfig t = s.training();
            return switch (this) {
                case LR -> s.withTraining(t.withLearningRate(Double.parseDouble(v)));
                case BATCH -> s.withTraining(t.withBatchSize(Integer.parseInt(v)));
                case WEIGHT_DECAY -> s.withTraining(t.withWeightDecay(Double.parseDouble(v)));
                case OPTIMIZER -> s.withTraining(t.withOptimizer(parse(Optimizer.class, v)));
                case WIDTH -> s.withNetwork(n.withWidth(Integer.parseInt(v)));
                case LAYERS -> s.withNetwork(n.withLayers(Integer.parseInt(v)));
                case BOTTLENECK -> s.withNetwork(n.withBottleneck(Integer.parseInt(v)));
                case DILATION -> s.withNetwork(n.withDilation(Integer.parseInt(v)));
                case ACTIVATION -> s.withNetwork(n.withActivation(parse(Activation.class, v)));
                case LOSS -> s.withNetwork(n.withLoss(parse(Loss.class, v)));
                case CORRUPTION -> s;
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + "=" + value + ": " + e.getMessage(), e);
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String v) {
        for (E e : type.getEnumConstants()) if (e.name().equalsIgnoreCase(v.replace('-', '_'))) return e;
        throw new IllegalArgumentException("not one of " + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }

    /** The value as JSON wants it: a number for numeric knobs, text for the rest. */
    public Object typed(String value) {
        if (integer) return Integer.parseInt(value.trim());
        return this == LR || this == WEIGHT_DECAY ? (Object) Double.parseDouble(value.trim()) : value;
    }

    public static Knob of(String name) {
        for (Knob k : values()) if (k.option.equals(name.trim().toLowerCase(Locale.ROOT))) return k;
        throw new IllegalArgumentException("unknown knob '" + name + "': a sweep varies "
                + Arrays.stream(values()).map(k -> k.option).collect(Collectors.joining(", ")));
    }
}
