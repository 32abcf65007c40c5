package com.daeworkbench.core.io;

import java.io.IOException;

/** Produces page {@code index} when a writer is ready for it, so only one page is in memory at a time. */
@FunctionalInterface
public interface PageSupplier {
    Page page(int index) throws IOException;
}
