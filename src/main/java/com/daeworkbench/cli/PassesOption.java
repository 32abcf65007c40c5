package com.daeworkbench.cli;

import com.daeworkbench.core.infer.MirrorPasses;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The --passes option of the commands that clean document pages (denoise, eval-pages). */
final class PassesOption {
    @Option(names = "--passes", paramLabel = "1|2|4", converter = Converter.class,
            description = "mirrored passes of a document model averaged over each page: more are cleaner "
                    + "(4 cut RMSE 1-8 %%) and slower (default: 4 up to A4 at 150 dpi, 2 up to twice that, "
                    + "else 1, so no page takes longer than one pass over A4 at 300 dpi)")
    int passes = MirrorPasses.AUTO;

    static final class Converter implements ITypeConverter<Integer> {
        public Integer convert(String v) {
            try {
                int p = Integer.parseInt(v.trim());
                if (p != MirrorPasses.AUTO && MirrorPasses.isValid(p)) return p;
            } catch (NumberFormatException e) {
                // named below, with the values that work
            }
            throw new TypeConversionException("'" + v + "' is not 1, 2 or 4");
        }
    }
}
