package com.daeworkbench.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Case-insensitive enum options whose error lists the valid names. */
final class Converters {
    private Converters() { }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            String valid = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            throw new TypeConversionException("'" + value + "' is not one of: " + valid);
        }
    }

    static final class KindConverter implements ITypeConverter<com.daeworkbench.core.model.ArchitectureSpec.Kind> {
        public com.daeworkbench.core.model.ArchitectureSpec.Kind convert(String v) {
            return parse(com.daeworkbench.core.model.ArchitectureSpec.Kind.class, v);
        }
    }

    static final class ActivationConverter implements ITypeConverter<com.daeworkbench.core.model.ArchitectureSpec.Activation> {
        public com.daeworkbench.core.model.ArchitectureSpec.Activation convert(String v) {
            return parse(com.daeworkbench.core.model.ArchitectureSpec.Activation.class, v);
        }
    }

    static final class LossConverter implements ITypeConverter<com.daeworkbench.core.model.ArchitectureSpec.Loss> {
        public com.daeworkbench.core.model.ArchitectureSpec.Loss convert(String v) {
            return parse(com.daeworkbench.core.model.ArchitectureSpec.Loss.class, v);
        }
    }

    static final class OptimizerConverter implements ITypeConverter<com.daeworkbench.core.model.ArchitectureSpec.Optimizer> {
        public com.daeworkbench.core.model.ArchitectureSpec.Optimizer convert(String v) {
            return parse(com.daeworkbench.core.model.ArchitectureSpec.Optimizer.class, v);
        }
    }
}
