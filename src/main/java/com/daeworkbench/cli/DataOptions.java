package com.daeworkbench.cli;

import com.daeworkbench.core.data.SampleShape;
import com.daeworkbench.core.noise.Corruption;
import com.daeworkbench.core.noise.CorruptionSpec;
import com.daeworkbench.core.table.TableRecipe;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** What a training command trains on, the same options for train, sweep and lr-find: --dataset and --corruption. */
final class DataOptions {
    static final String IMAGE_CORRUPTION = "gaussian:0.5";

    @Option(names = "--dataset", defaultValue = "digits",
            description = "digits, fashion, a folder (IDX files, images, or noisy/clean pairs in train/ and train_cleaned/),"
                    + " or a table (.csv, .tsv) (default: ${DEFAULT-VALUE})")
    String dataset;

    @Option(names = "--corruption", paramLabel = "TYPE:LEVEL[+TYPE:LEVEL]",
            description = "images: gaussian:0.5, saltpepper:0.2, masking:0.3, speckle:0.2; tables: swap:0.2, masking:0.2,"
                    + " gaussian:0.3; combined with + (default: " + IMAGE_CORRUPTION + " for images, " + TableRecipe.CORRUPTION
                    + " for tables; unused for noisy/clean pairs)")
    String corruption;

    /** The --corruption given, or the default for data of this shape. */
    String corruptionText(SampleShape shape) {
        if (corruption != null) return corruption;
        return shape.match(image -> IMAGE_CORRUPTION, features -> TableRecipe.CORRUPTION);
    }

    /** {@code text} parsed for data of this shape; a bad one is a usage error naming --corruption. */
    static Corruption parse(CommandSpec spec, String text, SampleShape shape) {
        try {
            return CorruptionSpec.parse(text, shape);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--corruption: " + e.getMessage());
        }
    }

    /** {@code text} parsed for images; a bad one is a usage error naming --corruption. */
    static Corruption parse(CommandSpec spec, String text) {
        try {
            return CorruptionSpec.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--corruption: " + e.getMessage());
        }
    }

    /** The corruption to train with, or null for real noisy/clean pairs, which bring their own. */
    Corruption corruption(CommandSpec spec, SampleShape shape, boolean pairs) {
        return pairs ? null : parse(spec, corruptionText(shape), shape);
    }
}
