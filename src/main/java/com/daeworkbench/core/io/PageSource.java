package com.daeworkbench.core.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The pages of one input file, decoded one at a time when asked for, so that a 500-page PDF or
 * TIFF never sits in memory whole. Every failure is a {@link DataException} naming the file.
 */
public interface PageSource extends Closeable {
    Path file();

    int pageCount();

    /** Page {@code index} (0-based), checked against the pixel limit before it is decoded. */
    Page read(int index) throws IOException;

    @Override
    void close() throws IOException;
}
