package com.daeworkbench.core.session;

import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.ArchitectureSpec.Activation;
import com.daeworkbench.core.model.ArchitectureSpec.Loss;
import com.daeworkbench.core.model.ArchitectureSpec.Optimizer;
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
            return switch (this) {
                case LR -> edit(s, s.layers(), s.width(), s.bottleneck(), s.activation(), s.loss(), s.optimizer(), Double.parseDouble(v), s.batchSize(), s.weightDecay());
                case WIDTH -> edit(s, s.layers(), Integer.parseInt(v), s.bottleneck(), s.activation(), s.loss(), s.optimizer(), s.learningRate(), s.batchSize(), s.weightDecay());
                case LAYERS -> edit(s, Integer.parseInt(v), s.width(), s.bottleneck(), s.activation(), s.loss(), s.optimizer(), s.learningRate(), s.batchSize(), s.weightDecay());
                case BOTTLENECK -> edit(s, s.layers(), s.width(), Integer.parseInt(v), s.activation(), s.loss(), s.optimizer(), s.learningRate(), s.batchSize(), s.weightDecay());
                case BATCH -> edit(s, s.layers(), s.width(), s.bottleneck(), s.activation(), s.loss(), s.optimizer(), s.learningRate(), Integer.parseInt(v), s.weightDecay());
                case WEIGHT_DECAY -> edit(s, s.layers(), s.width(), s.bottleneck(), s.activation(), s.loss(), s.optimizer(), s.learningRate(), s.batchSize(), Double.parseDouble(v));
                case ACTIVATION -> edit(s, s.layers(), s.width(), s.bottleneck(), parse(Activation.class, v), s.loss(), s.optimizer(), s.learningRate(), s.batchSize(), s.weightDecay());
                case OPTIMIZER -> edit(s, s.layers(), s.width(), s.bottleneck(), s.activation(), s.loss(), parse(Optimizer.class, v), s.learningRate(), s.batchSize(), s.weightDecay());
                case LOSS -> edit(s, s.layers(), s.width(), s.bottleneck(), s.activation(), parse(Loss.class, v), s.optimizer(), s.learningRate(), s.batchSize(), s.weightDecay());
                case CORRUPTION -> s;
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + "=" + value + ": " + e.getMessage(), e);
        }
    }

    private static ArchitectureSpec edit(ArchitectureSpec s, int layers, int width, int bottleneck, Activation activation, Loss loss,
                                         Optimizer optimizer, double learningRate, int batch, double weightDecay) {
        return new ArchitectureSpec(s.kind(), s.inputHeight(), s.inputWidth(), layers, width, bottleneck, activation, loss,
                optimizer, learningRate, batch, weightDecay, s.seed(), s.pageInput());
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
