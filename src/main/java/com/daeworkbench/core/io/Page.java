package com.daeworkbench.core.io;

/**
 * One page of an input file: its pixels, the size it is printed at (so a cleaned PDF keeps the
 * page size of the scan it came from) and whether a scanned image set its resolution.
 */
public record Page(GrayImage image, PageSize size, boolean fromScan) {
}
