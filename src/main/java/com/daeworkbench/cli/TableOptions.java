package com.daeworkbench.cli;

import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.data.Scaling;
import com.daeworkbench.core.data.TableData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How a table file (.csv, .tsv) is read when a command is given one as its data set. */
final class TableOptions {
    @Option(names = "--label", paramLabel = "COLUMN",
            description = "tables: the column kept aside as a label (its name, or its number from 1); not a feature")
    String label;

    @Option(names = "--scaling", defaultValue = "standard", converter = ScalingConverter.class,
            description = "tables: per-column scaling, standard (z-scores) or minmax ([0,1]) (default: ${DEFAULT-VALUE})")
    Scaling scaling;

    @Option(names = "--header", paramLabel = "yes|no", converter = YesNo.class,
            description = "tables: whether the first row names the columns (default: detected)")
    Boolean header;

    @Option(names = "--hide", defaultValue = "0", paramLabel = "FRACTION",
            description = "tables: hide this fraction of the cells (chosen by --hide-seed) as if missing; train and eval with the"
                    + " same values score imputation on cells the model never saw (default: ${DEFAULT-VALUE})")
    double hide;

    @Option(names = "--hide-seed", defaultValue = "1", description = "tables: which cells --hide hides (default: ${DEFAULT-VALUE})")
    long hideSeed;

    TableData.Options options() {
        return new TableData.Options(header, label, scaling, hide, hideSeed);
    }

    boolean isTable(String dataset) {
        Path p = Path.of(dataset);
        return TableData.isTableFile(p) && Files.isRegularFile(p);
    }

    Dataset load(Path file, long seed) throws IOException {
        try {
            return TableData.load(file, options(), seed);
        } catch (IllegalArgumentException e) {
            throw new IOException("--hide: " + e.getMessage(), e);
        }
    }

    static final class ScalingConverter implements picocli.CommandLine.ITypeConverter<Scaling> {
        public Scaling convert(String value) {
            try {
                return Scaling.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT).replace("-", ""));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "': use standard or minmax");
            }
        }
    }

    static final class YesNo implements picocli.CommandLine.ITypeConverter<Boolean> {
        public Boolean convert(String value) {
            return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "yes", "true", "1" -> true;
                case "no", "false", "0" -> false;
                default -> throw new picocli.CommandLine.TypeConversionException("'" + value + "': use yes or no");
            };
        }
    }
}
